package io.skitai.core.internal.apps;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A daemon thread that asks a {@link FileWatch} every interval and runs an action when the files
 * changed; {@link #close()} stops it.
 */
final class Reloader implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.skitai.core");

    private final Thread thread;
    private volatile boolean closed;

    private Reloader(String name, FileWatch watch, Duration interval, BooleanSupplier action) {
        this.thread = Thread.ofPlatform().daemon().name("skitai-reloader " + name).unstarted(() -> {
            while (!closed) {
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    return;
                }
                if (!closed && watch.changed()) {
                    try {
                        action.getAsBoolean();
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.ERROR, "reloading " + name + " failed", e);
                    }
                }
            }
        });
    }

    /** Starts watching; {@code action} runs on the reloader's thread. */
    static Reloader start(String name, FileWatch watch, Duration interval, BooleanSupplier action) {
        Reloader r = new Reloader(name, watch, interval, action);
        r.thread.start();
        return r;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    @Override
    public String toString() {
        return "Reloader(" + thread.getName() + ")";
    }
}
