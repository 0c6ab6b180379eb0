package io.skitai.was.internal;

import io.skitai.core.Metrics;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Shows each database pool an engine makes in the server's pool gauges
 * ({@link Metrics#watchPool}, tagged with the engine's {@code kind}), and takes them all out when
 * the engine closes. With metrics off it shows nothing.
 */
final class PoolWatcher implements AutoCloseable {

    private final Metrics metrics;
    private final String kind;
    private final List<Runnable> removers = new CopyOnWriteArrayList<>();

    private PoolWatcher(Metrics metrics, String kind) {
        this.metrics = metrics;
        this.kind = kind;
    }

    /** The watcher of the server's {@code kind} pools ({@code postgresql}, {@code sqlite}, {@code mongodb}). */
    static PoolWatcher of(io.skitai.core.ServerContext server, String kind) {
        return new PoolWatcher(server.setting(Metrics.SETTING), kind);
    }

    /** Starts watching the pool {@link Target#poolName() named} {@code name}, whose figures {@code counts} reads. */
    void watch(String name, Supplier<Metrics.PoolCounts> counts) {
        removers.add(metrics.watchPool(kind, name, counts));
    }

    /** Stops watching every pool (their engine closes). */
    @Override
    public void close() {
        removers.forEach(Runnable::run);
        removers.clear();
    }

    @Override
    public String toString() {
        return "PoolWatcher(" + kind + ", " + removers.size() + " pools)";
    }
}
