package io.skitai.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A websocket client for tests, on the JDK's {@link WebSocket} (a client nobody here wrote), from
 * {@link TestClient#ws(String)}: send text or binary, take received messages in order with a
 * timeout, see the close code. Close it when done.
 *
 * <pre>{@code
 * try (TestWebSocket ws = cli.ws("/echo")) {
 *     ws.send("hi");
 *     assertThat(ws.next()).isEqualTo("ECHO:hi");
 * }
 * }</pre>
 */
public final class TestWebSocket implements AutoCloseable {

    /** The close code a connection that dropped without a close frame reports. */
    public static final int ABNORMAL = 1006;

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile String closeReason = "";
    private final WebSocket socket;

    private TestWebSocket(HttpClient http, URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(TestClient.DEFAULT_TIMEOUT);
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(uri, new Listener()).orTimeout(30, TimeUnit.SECONDS).join();
    }

    static TestWebSocket open(HttpClient http, URI uri, Map<String, String> headers) {
        return new TestWebSocket(http, uri, headers);
    }

    /** Sends a text message (waits until it is handed to the socket). */
    public TestWebSocket send(String text) {
        socket.sendText(text, true).orTimeout(30, TimeUnit.SECONDS).join();
        return this;
    }

    /** Sends a binary message. */
    public TestWebSocket send(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(30, TimeUnit.SECONDS).join();
        return this;
    }

    /** The next message received (a {@code String}, or {@code byte[]} for binary), within 30 s. */
    public Object next() {
        return next(TestClient.DEFAULT_TIMEOUT);
    }

    /**
     * The next message received within {@code timeout}.
     *
     * @throws AssertionError when none comes (the close code, if closed, in the message)
     */
    public Object next(Duration timeout) {
        try {
            Object m = received.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("no websocket message within " + timeout
                        + (closed.isDone() ? " (closed: " + closed.join() + " " + closeReason + ")" : ""));
            }
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The next message as text. */
    public String nextText() {
        Object m = next();
        if (!(m instanceof String s)) {
            throw new AssertionError("expected a text message, got binary");
        }
        return s;
    }

    /** The close code the server sent (or {@link #ABNORMAL}), waiting up to {@code timeout} for the close. */
    public int closeCode(Duration timeout) {
        try {
            return closed.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the websocket was not closed within " + timeout);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The reason the server gave with its close. */
    public String closeReason() {
        return closeReason;
    }

    /** Whether the server closed the connection. */
    public boolean isClosed() {
        return closed.isDone();
    }

    /** The JDK socket, for what this class does not cover (pings, partial messages). */
    public WebSocket socket() {
        return socket;
    }

    /** Closes normally (1000) and drops the connection. */
    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private StringBuilder text = new StringBuilder();
        private java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add(text.toString());
                text = new StringBuilder();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.writeBytes(chunk);
            if (last) {
                received.add(binary.toByteArray());
                binary = new java.io.ByteArrayOutputStream();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(ABNORMAL);
        }
    }
}
