package io.skitai.core.internal;

import io.skitai.core.Run;
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

    private final ExecutorService executor;
    private final String description;

    private HandlerThreads(ExecutorService executor, String description) {
        this.executor = executor;
        this.description = description;
    }

    static HandlerThreads of(Run run) {
        if (run.virtualThreads()) {
            ThreadFactory factory = Thread.ofVirtual().name("skitai-handler-", 0).factory();
            return new HandlerThreads(Executors.newThreadPerTaskExecutor(factory), "virtual threads");
        }
        if (run.threads() == 0) {
            return new HandlerThreads(null, "the IO thread");
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "skitai-handler-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
        return new HandlerThreads(Executors.newFixedThreadPool(run.threads(), factory),
                run.threads() + " platform threads");
    }

    /** The executor handlers are dispatched to, or {@code null} to run on the IO thread. */
    ExecutorService executor() {
        return executor;
    }

    /** Whether handlers may block (they run off the IO thread). */
    boolean mayBlock() {
        return executor != null;
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
