package io.skitai.was.internal;

import java.util.function.Supplier;

/**
 * Told of each database pool an engine makes, with a way to read its figures: the pool gauges
 * ({@link PoolMeters}) when the server records metrics, {@link #NONE} otherwise. Closed with its
 * engine, which stops watching every pool it was told of.
 */
interface PoolWatcher extends AutoCloseable {

    /** Watches nothing (metrics off). */
    PoolWatcher NONE = new PoolWatcher() {
        @Override
        public void watch(String name, Supplier<Counts> counts) {
            // metrics are off
        }

        @Override
        public void close() {
            // nothing watched
        }

        @Override
        public String toString() {
            return "PoolWatcher.NONE";
        }
    };

    /**
     * A pool's figures at one moment.
     *
     * @param active  connections in use (running a statement, or held by a transaction)
     * @param idle    open connections in use by none
     * @param pending statements waiting for a connection
     */
    record Counts(int active, int idle, int pending) {}

    /** Starts watching the pool {@link Target#poolName() named} {@code name}, whose figures {@code counts} reads. */
    void watch(String name, Supplier<Counts> counts);

    /** Stops watching every pool (their engine closes). */
    @Override
    void close();

    /** The watcher of the server's {@code kind} pools ({@code postgresql}, {@code sqlite}, {@code mongodb}). */
    static PoolWatcher of(io.skitai.core.ServerContext server, String kind) {
        io.skitai.core.Metrics metrics = server.setting(io.skitai.core.Metrics.SETTING);
        return metrics.enabled() ? new PoolMeters(metrics.registry(), kind) : NONE;
    }
}
