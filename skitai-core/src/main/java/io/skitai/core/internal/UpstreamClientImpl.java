package io.skitai.core.internal;

import io.skitai.core.UpstreamClient;
import io.skitai.core.UpstreamRequest;
import io.skitai.core.UpstreamResponse;
import io.undertow.connector.ByteBufferPool;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.xnio.XnioExecutor;
import org.xnio.XnioWorker;

/**
 * The engine's {@link UpstreamClient}: a pool per upstream origin on the server's XNIO worker, and
 * a sweep on one IO thread that closes idle connections after the backend keep-alive and enforces
 * the time limits (no timer per request). A {@link PoolWatcher} is told of every pool made and
 * gone (the pool gauges, when the server records metrics).
 */
final class UpstreamClientImpl implements UpstreamClient, AutoCloseable {

    /** Told of each pool when it is made; what it returns runs when the pool is retired or closed. */
    @FunctionalInterface
    interface PoolWatcher {
        /** Watches nothing. */
        PoolWatcher NONE = (name, pool) -> () -> { };

        /** Starts watching {@code pool}, named {@code host:port}; the result stops it. */
        Runnable watch(String name, UpstreamPool pool);
    }

    /** The safety net for any request. */
    static final Duration REQUEST_LIMIT = Duration.ofMinutes(5);
    static final Duration CONNECT_LIMIT = Duration.ofSeconds(10);

    private final XnioWorker worker;
    private final UpstreamConnector connector;
    private final long keepAlive;
    private final int maxConnections;
    private final int maxWaiting;
    private final long maxBytes;
    private final long sweepMillis;
    private final Map<String, UpstreamPool> pools = new ConcurrentHashMap<>();
    private final PoolWatcher watcher;
    /** What stops watching each pool ({@link PoolWatcher#watch}'s result). */
    private final Map<UpstreamPool, Runnable> watched = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private volatile XnioExecutor.Key sweeper;

    UpstreamClientImpl(XnioWorker worker, ByteBufferPool buffers, RecordingTrustManager trust, Duration keepAlive,
            int maxConnections, int maxWaiting, long maxBytes, PoolWatcher watcher) {
        if (maxConnections <= 0 || maxWaiting < 0 || maxBytes <= 0) {
            throw new IllegalArgumentException(Messages.upstreamLimits(maxConnections, maxWaiting, maxBytes));
        }
        this.worker = worker;
        this.watcher = watcher;
        this.connector = new UpstreamConnector(worker, buffers, trust);
        this.keepAlive = keepAlive.toNanos();
        this.maxConnections = maxConnections;
        this.maxWaiting = maxWaiting;
        this.maxBytes = Math.min(maxBytes, Integer.MAX_VALUE - 8);
        this.sweepMillis = Math.max(50, Math.min(1000, keepAlive.toMillis() / 4));
        scheduleSweep();
    }

    UpstreamConnector connector() {
        return connector;
    }

    @Override
    public CompletableFuture<UpstreamResponse> send(UpstreamRequest request) {
        CompletableFuture<UpstreamResponse> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(new IOException(Messages.upstreamClientStopped(request.uri())));
            return future;
        }
        UpstreamExchange ex;
        UpstreamPool pool;
        do {
            pool = pool(request.uri());
            ex = new UpstreamExchange(request, future, pool, maxBytes);
        } while (!pool.acquire(ex));
        UpstreamExchange started = ex;
        future.whenComplete((r, t) -> {
            if (t instanceof CancellationException) {
                started.abandon();
            }
        });
        return future;
    }

    /** A connection to {@code origin} for Undertow's proxy handler, from the same pools as {@link #send}. */
    void proxy(URI origin, io.undertow.server.HttpServerExchange exchange,
            io.undertow.server.handlers.proxy.ProxyCallback<io.undertow.server.handlers.proxy.ProxyConnection> callback,
            String targetPath) {
        if (closed) {
            exchange.putAttachment(ProxyGrant.UPSTREAM_FAILED, new IOException(Messages.upstreamClientStopped(origin)));
            callback.failed(exchange);
            return;
        }
        UpstreamPool pool;
        do {
            pool = pool(origin);
        } while (!pool.acquire(new ProxyGrant(pool, exchange, callback, targetPath)));
    }

    private UpstreamPool pool(URI origin) {
        return pools.computeIfAbsent(originKey(origin), k -> {
            URI key = URI.create(k);
            UpstreamPool made = new UpstreamPool(key, this, maxConnections, maxWaiting);
            watched.put(made, watcher.watch(key.getRawAuthority(), made));
            return made;
        });
    }

    /** Stops watching {@code pool} (it is retired or closed). */
    private void unwatch(UpstreamPool pool) {
        Runnable stop = watched.remove(pool);
        if (stop != null) {
            stop.run();
        }
    }

    private static String originKey(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        String host = uri.getHost();
        return scheme + "://" + host + ":" + port;
    }

    private void scheduleSweep() {
        if (!closed) {
            try {
                sweeper = worker.getIoThread(0).executeAfter(this::sweep, sweepMillis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                closed = true;
            }
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (UpstreamPool pool : pools.values()) {
            pool.sweep(now, keepAlive, REQUEST_LIMIT.toNanos(), CONNECT_LIMIT.toNanos());
        }
        // A pool per destination: those left with nothing go (a forward proxy meets many destinations).
        // Its gauges go before it leaves the map: a new pool for the destination registers them anew.
        pools.values().removeIf(pool -> {
            boolean retired = pool.retireIfUnused();
            if (retired) {
                unwatch(pool);
            }
            return retired;
        });
        scheduleSweep();
    }

    @Override
    public void close() {
        closed = true;
        XnioExecutor.Key key = sweeper;
        if (key != null) {
            key.remove();
        }
        pools.values().forEach(pool -> {
            pool.close();
            unwatch(pool);
        });
        pools.clear();
    }

    @Override
    public String toString() {
        return "UpstreamClient(" + pools.keySet() + ")";
    }
}
