package io.skitai.core.internal;

import io.skitai.core.Run;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where handlers run, chosen once at start from {@link Run#threads()}: a virtual thread per
 * request (default), a fixed pool of n platform threads, or the IO thread itself (no executor).
 */
final class HandlerThreads implements AutoCloseable {

    private final Executor executor;
    private final ExecutorService pool;
    private final String description;

    private HandlerThreads(Executor executor, ExecutorService pool, String description) {
        this.executor = executor;
        this.pool = pool;
        this.description = description;
    }

    static HandlerThreads of(Run run) {
        if (run.virtualThreads()) {
            // Unnamed and untracked: a virtual thread per request costs one allocation and a start.
            // In-flight handlers are awaited by the engine's drain gate, not by this executor.
            ThreadFactory factory = Thread.ofVirtual().factory();
            return new HandlerThreads(task -> factory.newThread(task).start(), null, "virtual threads");
        }
        if (run.threads() == 0) {
            return new HandlerThreads(null, null, "the IO thread");
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "skitai-handler-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(run.threads(), factory);
        return new HandlerThreads(pool, pool, run.threads() + " platform threads");
    }

    /** The executor handlers are dispatched to, or {@code null} to run on the IO thread. */
    Executor executor() {
        return executor;
    }

    /**
     * These threads, or with {@code threads(0)} virtual threads: for work that may block even in the
     * single-threaded mode (a gateway's token lookup before a proxied request).
     */
    HandlerThreads blocking() {
        if (mayBlock()) {
            return this;
        }
        ThreadFactory factory = Thread.ofVirtual().name("skitai-blocking-", 0).factory();
        return new HandlerThreads(task -> factory.newThread(task).start(), null, "virtual threads (beside the IO thread)");
    }

    /** Whether handlers may block (they run off the IO thread). */
    boolean mayBlock() {
        return executor != null;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
