package io.skitai.was.internal;

import io.skitai.core.StatusText;
import io.skitai.was.Call;
import io.skitai.was.Result;
import io.skitai.was.UpstreamException;
import io.skitai.was.WsSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link WsSession} on the JDK's websocket client: opened as a call (so lb, fail-over on connect
 * failures, member status and transaction ids work as for HTTP), then each received message a
 * call of its own. Reads are requested one at a time as messages are taken (at most
 * {@value #AHEAD} wait unread), so a fast upstream cannot fill the heap.
 */
final class WsUpstream implements WsSession {

    private static final int AHEAD = 64;
    private static final Duration OPEN_WAIT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Object> arrived = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<Result>> waiting = new ArrayDeque<>();
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private volatile WebSocket socket;
    private volatile String closedBecause;
    private Call opening;

    private WsUpstream(com.fasterxml.jackson.databind.ObjectMapper json) {
        this.json = json;
    }

    /** Opens a websocket to {@code url} through {@code caller} (its alias, lb and transaction ids). */
    static WsSession open(Caller<Call> caller, HttpClient http, com.fasterxml.jackson.databind.ObjectMapper json, String url) {
        WsUpstream session = new WsUpstream(json);
        session.opening = caller.call(httpUrl(url), null, target -> session.connect(http, target));
        return session;
    }

    /** {@code ws://} and {@code wss://} URLs route like {@code http://} and {@code https://} ones. */
    private static String httpUrl(String url) {
        if (url.startsWith("ws://")) {
            return "http://" + url.substring(5);
        }
        return url.startsWith("wss://") ? "https://" + url.substring(6) : url;
    }

    private CompletableFuture<Result> connect(HttpClient http, Target target) {
        URI uri = target.uri();
        URI ws = URI.create(("https".equals(uri.getScheme()) ? "wss" : "ws") + uri.toString().substring(uri.getScheme().length()));
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT);
        target.headers().forEach(builder::header);
        target.user().ifPresent(user -> builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + target.password().orElse("")).getBytes(StandardCharsets.UTF_8))));
        return builder.buildAsync(ws, new Listener()).thenApply(s -> {
            socket = s;
            return (Result) Outcomes.normal(101, StatusText.of(101), Map.of(), new byte[0], null);
        });
    }

    @Override
    public WsSession send(Object message) {
        WebSocket s = openSocket();
        if (message instanceof byte[] b) {
            s.sendBinary(ByteBuffer.wrap(b), true).join();
        } else {
            String text = message instanceof String t ? t : json(message);
            s.sendText(text, true).join();
        }
        return this;
    }

    private String json(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot send as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private WebSocket openSocket() {
        opening.dispatch(OPEN_WAIT).reraise();
        if (closedBecause != null) {
            throw new UpstreamException(Outcomes.failure(new java.io.IOException("the websocket closed: " + closedBecause)));
        }
        return socket;
    }

    @Override
    public Call receive() {
        CompletableFuture<Result> next = new CompletableFuture<>();
        lock.lock();
        try {
            Object m = arrived.poll();
            if (m != null) {
                next.complete(message(m));
                requestMore();
            } else if (closedBecause != null) {
                next.complete(closed());
            } else {
                waiting.add(next);
                next.whenComplete((r, e) -> forget(next));
            }
        } finally {
            lock.unlock();
        }
        return SingleCall.of(next, null);
    }

    private void forget(CompletableFuture<Result> receive) {
        if (receive.isCancelled()) {
            lock.lock();
            try {
                waiting.remove(receive);
            } finally {
                lock.unlock();
            }
        }
    }

    /** Hands {@code m} to the oldest waiting receive, or keeps it for the next. */
    private void arrive(Object m) {
        lock.lock();
        try {
            CompletableFuture<Result> receive;
            while ((receive = waiting.poll()) != null) {
                if (receive.complete(message(m))) {
                    requestMore();
                    return;
                }
            }
            arrived.add(m);
            if (arrived.size() < AHEAD) {
                requestMore();
            }
        } finally {
            lock.unlock();
        }
    }

    private void requestMore() {
        WebSocket s = socket;
        if (s != null) {
            s.request(1);
        }
    }

    private void ended(String why) {
        lock.lock();
        try {
            closedBecause = why;
            CompletableFuture<Result> receive;
            while ((receive = waiting.poll()) != null) {
                receive.complete(closed());
            }
        } finally {
            lock.unlock();
        }
    }

    private Result closed() {
        return Outcomes.failure(new java.io.IOException("the websocket closed: " + closedBecause));
    }

    private static Result message(Object m) {
        byte[] bytes = m instanceof byte[] b ? b : ((String) m).getBytes(StandardCharsets.UTF_8);
        String type = m instanceof byte[] ? "binary" : "text";
        return Outcomes.normal(200, StatusText.of(200), Map.of("Ws-Message", List.of(type)), bytes, m);
    }

    @Override
    public boolean isOpen() {
        WebSocket s = socket;
        return s != null && closedBecause == null && !s.isInputClosed();
    }

    @Override
    public void close() {
        WebSocket s = socket;
        if (s == null) {
            opening.future().thenAccept(r -> close());
            return;
        }
        if (!s.isOutputClosed()) {
            s.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((x, e) -> s.abort());
        }
        ended("closed by this side");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String m = text.toString();
                text.setLength(0);
                arrive(m);
            } else {
                ws.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.writeBytes(chunk);
            if (last) {
                byte[] m = binary.toByteArray();
                binary.reset();
                arrive(m);
            } else {
                ws.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            ended("code " + statusCode + (reason.isEmpty() ? "" : " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            ended(String.valueOf(error.getMessage()));
        }
    }
}
