package io.skitai.core.internal;

import io.skitai.core.Cookie;
import io.skitai.core.Exchange;
import io.skitai.core.Handler;
import io.skitai.core.Key;
import io.skitai.core.ServerContext;
import io.skitai.core.TxId;
import io.skitai.core.Upload;
import io.undertow.io.IoCallback;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The {@link Exchange} of a handler, over Undertow's exchange. */
final class UndertowExchange implements Exchange {

    private static final String TEXT_PLAIN = "text/plain; charset=utf-8";

    private final HttpServerExchange exchange;
    private final String mountPoint;
    private final boolean mayBlock;
    private final long ioTimeoutMillis;
    private final java.util.concurrent.Executor laterThreads;
    private final RequestBody requestBody;
    private Map<String, List<String>> queryParams;
    private Map<String, String> cookies;
    private Map<Key<?>, Object> attributes;
    private StreamingOutput output;
    private Pending pending;
    private boolean handedOver;

    /** A continuation registered with {@link #async}. */
    record Pending(CompletionStage<?> completion, Handler then) {}

    /**
     * @param laterThreads where work of a connection that {@linkplain #switchProtocol switched
     *                     protocol} runs: the handler threads, or virtual threads with {@code threads(0)}
     */
    UndertowExchange(HttpServerExchange exchange, String mountPoint, boolean mayBlock, long ioTimeoutMillis,
            byte[] preloadedBody, java.util.concurrent.Executor laterThreads) {
        this.exchange = exchange;
        this.mountPoint = mountPoint;
        this.mayBlock = mayBlock;
        this.ioTimeoutMillis = ioTimeoutMillis;
        this.requestBody = new RequestBody(exchange, mayBlock, ioTimeoutMillis, preloadedBody);
        this.laterThreads = laterThreads;
    }

    @Override
    public void route(String template) {
        exchange.putAttachment(RequestMetrics.ROUTE, template);
    }

    @Override
    public void beforeCommit(Runnable task) {
        exchange.addResponseCommitListener(ex -> task.run());
    }

    @Override
    public void switchProtocol(io.skitai.core.ProtocolSwitch protocolSwitch) {
        SwitchedScope.start(exchange, protocolSwitch, this, laterThreads);
    }

    @Override
    public void handOver(io.undertow.server.HttpHandler handler) {
        if (!mayBlock) {
            throw new IllegalStateException(Messages.handOverOnIoThread());
        }
        if (exchange.isResponseStarted() || handedOver) {
            throw new IllegalStateException("handOver after the response started");
        }
        handedOver = true;
        io.undertow.server.Connectors.executeRootHandler(handler, exchange);
    }

    /** Whether {@link #handOver} gave the exchange to another handler, which now owns it. */
    boolean handedOver() {
        return handedOver;
    }

    @Override
    public ServerContext server() {
        ServerContext context = exchange.getAttachment(Transactions.SERVER);
        if (context == null) {
            throw new IllegalStateException("this exchange did not pass the engine's pipeline");
        }
        return context;
    }

    @Override
    public TxId txid() {
        TxId txid = exchange.getAttachment(Transactions.TXID);
        if (txid == null) {
            throw new IllegalStateException("this exchange did not pass the engine's pipeline");
        }
        return txid;
    }

    @Override
    public String method() {
        return exchange.getRequestMethod().toString();
    }

    @Override
    public String path() {
        return exchange.getRequestPath();
    }

    @Override
    public String mountPoint() {
        return mountPoint;
    }

    @Override
    public String pathInfo() {
        return exchange.getRequestPath().substring(mountPoint.length());
    }

    @Override
    public String requestUri() {
        String q = exchange.getQueryString();
        return q.isEmpty() ? exchange.getRequestURI() : exchange.getRequestURI() + "?" + q;
    }

    @Override
    public String queryString() {
        return exchange.getQueryString();
    }

    @Override
    public Map<String, List<String>> queryParams() {
        if (queryParams == null) {
            Map<String, List<String>> m = new LinkedHashMap<>();
            for (Map.Entry<String, Deque<String>> e : exchange.getQueryParameters().entrySet()) {
                m.put(e.getKey(), List.copyOf(e.getValue()));
            }
            queryParams = Collections.unmodifiableMap(m);
        }
        return queryParams;
    }

    @Override
    public List<String> headers(String name) {
        HeaderValues values = exchange.getRequestHeaders().get(name);
        return values == null ? List.of() : new ArrayList<>(values);
    }

    @Override
    public String protocol() {
        return exchange.getProtocol().toString();
    }

    @Override
    public String scheme() {
        return exchange.getRequestScheme();
    }

    @Override
    public String host() {
        return exchange.getHostName();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return exchange.getSourceAddress();
    }

    @Override
    public byte[] body() {
        return requestBody.bytes();
    }

    @Override
    public InputStream bodyStream() {
        return new ByteArrayInputStream(body());
    }

    @Override
    public Map<String, List<String>> form() {
        return requestBody.form().fields();
    }

    @Override
    public Map<String, List<Upload>> files() {
        return requestBody.form().files();
    }

    @Override
    public Map<String, String> cookies() {
        if (cookies == null) {
            HeaderValues lines = exchange.getRequestHeaders().get(Headers.COOKIE);
            cookies = CookieHeaders.parse(lines == null ? List.of() : lines);
        }
        return cookies;
    }

    @Override
    public Exchange setCookie(Cookie cookie) {
        if (exchange.isResponseStarted()) {
            throw new IllegalStateException("cannot set cookie '" + cookie.name() + "': the response headers have gone out");
        }
        CookieHeaders.set(exchange.getResponseHeaders(), cookie);
        return this;
    }

    @Override
    public <T> Optional<T> get(Key<T> key) {
        return attributes == null ? Optional.empty() : Optional.ofNullable(key.cast(attributes.get(key)));
    }

    @Override
    public <T> Exchange put(Key<T> key, T value) {
        if (attributes == null) {
            attributes = new IdentityHashMap<>();
        }
        attributes.put(key, value);
        return this;
    }

    @Override
    public Exchange status(int status) {
        exchange.setStatusCode(status);
        return this;
    }

    @Override
    public int status() {
        return exchange.getStatusCode();
    }

    @Override
    public Exchange header(String name, String value) {
        exchange.getResponseHeaders().put(HttpString.tryFromString(name), value);
        return this;
    }

    @Override
    public Exchange addHeader(String name, String value) {
        exchange.getResponseHeaders().add(HttpString.tryFromString(name), value);
        return this;
    }

    @Override
    public Exchange contentType(String contentType) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        return this;
    }

    @Override
    public void send(String text) {
        if (!exchange.getResponseHeaders().contains(Headers.CONTENT_TYPE)) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, TEXT_PLAIN);
        }
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Optional<String> responseHeader(String name) {
        return Optional.ofNullable(exchange.getResponseHeaders().getFirst(name));
    }

    @Override
    public void send(byte[] bytes) {
        exchange.setResponseContentLength(bytes.length);
        if (Methods.HEAD.equals(exchange.getRequestMethod())) {
            exchange.endExchange();
            return;
        }
        if (!mayBlock) {
            exchange.getResponseSender().send(ByteBuffer.wrap(bytes), IoCallback.END_EXCHANGE);
            return;
        }
        Completion done = new Completion();
        exchange.getResponseSender().send(ByteBuffer.wrap(bytes), done);
        done.await(ioTimeoutMillis, exchange);
        exchange.endExchange();
    }

    @Override
    public OutputStream outputStream() {
        if (!mayBlock) {
            throw new IllegalStateException("streamed output needs a handler thread; it is not available with threads(0)");
        }
        if (output == null) {
            output = new StreamingOutput(exchange, ioTimeoutMillis);
        }
        return output;
    }

    @Override
    public boolean isResponseStarted() {
        return exchange.isResponseStarted();
    }

    @Override
    public void onComplete(Runnable task) {
        if (task == null) {
            throw new NullPointerException("onComplete needs a task");
        }
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                System.getLogger("io.skitai.core").log(System.Logger.Level.WARNING,
                        "an onComplete task of " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " failed", e);
            }
        };
        if (exchange.isComplete()) {
            guarded.run();
            return;
        }
        exchange.addExchangeCompleteListener((ex, next) -> {
            try {
                guarded.run();
            } finally {
                next.proceed();
            }
        });
    }

    @Override
    public void async(CompletionStage<?> completion, Handler then) {
        if (completion == null || then == null) {
            throw new NullPointerException("async needs a completion and a continuation");
        }
        if (pending != null) {
            throw new IllegalStateException("async was already called by this handler");
        }
        pending = new Pending(completion, then);
    }

    /** The continuation the handler registered with {@link #async}, if any, clearing it. */
    Pending takePending() {
        Pending p = pending;
        pending = null;
        return p;
    }

    /** Ends the response if the handler left it open (closing a stream it opened). */
    void finish() {
        if (output != null) {
            output.closeQuietly();
        }
        if (!exchange.isComplete() && !exchange.isResponseStarted() && mayBlock) {
            exchange.endExchange();
        }
    }

}
