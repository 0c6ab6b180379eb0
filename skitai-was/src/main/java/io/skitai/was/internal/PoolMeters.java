package io.skitai.was.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The gauges of one engine's database pools when the server records metrics (see
 * {@link io.skitai.core.Metrics}): {@code skitai.pool.connections} by {@code kind}, {@code pool}
 * ({@code alias/host:port/db}, or {@code alias/file}) and {@code state} ({@code active},
 * {@code idle}), and {@code skitai.pool.pending} by {@code kind} and {@code pool}; removed from the
 * registry when the engine closes. The only class of the engines that touches Micrometer: made only
 * when metrics are on.
 */
final class PoolMeters implements PoolWatcher {

    private final MeterRegistry registry;
    private final String kind;
    private final List<Meter> meters = new CopyOnWriteArrayList<>();

    PoolMeters(MeterRegistry registry, String kind) {
        this.registry = registry;
        this.kind = kind;
    }

    @Override
    public void watch(String name, Supplier<Counts> counts) {
        meters.add(connections(name, "active", counts, Counts::active));
        meters.add(connections(name, "idle", counts, Counts::idle));
        meters.add(Gauge.builder("skitai.pool.pending", counts, c -> c.get().pending())
                .description("statements waiting for a connection of the pool")
                .tag("kind", kind).tag("pool", name).strongReference(true).register(registry));
    }

    private Meter connections(String name, String state, Supplier<Counts> counts, ToIntFunction<Counts> figure) {
        return Gauge.builder("skitai.pool.connections", counts, c -> figure.applyAsInt(c.get()))
                .description("connections of the pool, in use or idle")
                .tag("kind", kind).tag("pool", name).tag("state", state).strongReference(true).register(registry);
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }

    @Override
    public String toString() {
        return "PoolMeters(" + kind + ", " + meters.size() + " meters)";
    }
}
