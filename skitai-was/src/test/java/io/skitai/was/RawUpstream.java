package io.skitai.was;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain Undertow server on a free port of 127.0.0.1 for tests: counts the requests that reach it,
 * remembers their client ports (connection identity) and request headers of interest.
 */
final class RawUpstream implements AutoCloseable {

    private final Undertow undertow;
    private final AtomicInteger hits = new AtomicInteger();
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    private final List<String> ltxids = new CopyOnWriteArrayList<>();

    private RawUpstream(HttpHandler handler) {
        HttpHandler counting = ex -> {
            hits.incrementAndGet();
            clientPorts.add(ex.getSourceAddress().getPort());
            String l = ex.getRequestHeaders().getFirst("X-Ltxid");
            ltxids.add(l == null ? "-" : l);
            handler.handleRequest(ex);
        };
        this.undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(counting).build();
        undertow.start();
    }

    /** Starts a server answering every request with {@code handler} (run on the IO thread). */
    static RawUpstream start(HttpHandler handler) {
        return new RawUpstream(handler);
    }

    /**
     * Starts a server whose handler runs on a worker thread (it may block, e.g. sleep, or read the
     * body with {@code startBlocking}).
     */
    static RawUpstream blocking(HttpHandler handler) {
        return new RawUpstream(ex -> {
            if (ex.isInIoThread()) {
                ex.dispatch(() -> {
                    ex.startBlocking();
                    try {
                        handler.handleRequest(ex);
                    } catch (Exception e) {
                        if (!ex.isResponseStarted()) {
                            ex.setStatusCode(500);
                        }
                    }
                    ex.endExchange();
                });
            }
        });
    }

    /** Answers {@code text} with {@code contentType}. */
    static HttpHandler answer(String contentType, String text) {
        return ex -> send(ex, 200, contentType, text);
    }

    static void send(HttpServerExchange ex, int status, String contentType, String text) {
        ex.setStatusCode(status);
        ex.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, contentType);
        ex.getResponseSender().send(text);
    }

    int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** {@code host:port} as an alias member. */
    String member() {
        return "127.0.0.1:" + port();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    int hits() {
        return hits.get();
    }

    List<Integer> clientPorts() {
        return List.copyOf(clientPorts);
    }

    List<String> ltxids() {
        return List.copyOf(ltxids);
    }

    @Override
    public void close() {
        undertow.stop();
    }
}
