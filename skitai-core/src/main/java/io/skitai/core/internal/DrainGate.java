package io.skitai.core.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.util.AttachmentKey;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The outermost handler: counts requests served and in flight, and drains. Once {@link #drain}
 * starts (the listener is already closed), requests still arriving on open connections are served
 * as usual but answered with {@code Connection: close}, so clients move to another worker instead
 * of seeing an error; when nothing is in flight and the remaining connections stay quiet for a
 * moment, they are closed and the drain ends. It never waits longer than its timeout.
 */
final class DrainGate implements HttpHandler {

    /** How long idle keep-alive connections get to send one last request once nothing is in flight. */
    private static final long QUIET_MILLIS = 300;
    private static final AttachmentKey<Boolean> TRACKED = AttachmentKey.create(Boolean.class);

    private final HttpHandler next;
    private final LongAdder served = new LongAdder();
    private final AtomicInteger active = new AtomicInteger();
    private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
    private final Object changed = new Object();
    private volatile boolean draining;
    private volatile long lastActivity;

    DrainGate(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        track(exchange.getConnection());
        active.incrementAndGet();
        served.increment();
        exchange.addExchangeCompleteListener((ex, nextListener) -> {
            try {
                nextListener.proceed();
            } finally {
                lastActivity = System.nanoTime();
                if (active.decrementAndGet() == 0 && draining) {
                    synchronized (changed) {
                        changed.notifyAll();
                    }
                }
            }
        });
        if (draining) {
            exchange.setPersistent(false);
        }
        next.handleRequest(exchange);
    }

    private void track(ServerConnection connection) {
        if (connection.getAttachment(TRACKED) == null) {
            connection.putAttachment(TRACKED, Boolean.TRUE);
            connections.add(connection);
            connection.addCloseListener(c -> connections.remove(c));
        }
    }

    /** Requests served so far. */
    long served() {
        return served.sum();
    }

    /** Requests in flight. */
    int active() {
        return active.get();
    }

    /**
     * Serves what is in flight to the end (at most {@code timeoutMillis}), then closes the open
     * connections; returns whether everything finished in time.
     */
    boolean drain(long timeoutMillis) throws InterruptedException {
        draining = true;
        lastActivity = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long now = System.nanoTime();
            boolean quiet = active.get() == 0
                    && (connections.isEmpty() || now - lastActivity >= TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS));
            if (quiet || now - deadline >= 0) {
                closeConnections();
                return quiet;
            }
            synchronized (changed) {
                changed.wait(Math.max(1, Math.min(20, TimeUnit.NANOSECONDS.toMillis(deadline - now))));
            }
        }
    }

    private void closeConnections() {
        for (ServerConnection c : connections) {
            try {
                c.close();
            } catch (IOException | RuntimeException ignored) {
                // Closing is best effort: the engine stops Undertow right after.
            }
        }
    }

    @Override
    public String toString() {
        return "DrainGate -> " + next;
    }
}
