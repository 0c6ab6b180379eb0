package io.skitai.core.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.skitai.core.Metrics;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The gauges of one connection pool ({@link Metrics#watchPool}): {@code skitai.pool.connections} by
 * {@code kind}, {@code pool} and {@code state} ({@code active}, {@code idle}), and
 * {@code skitai.pool.pending} by {@code kind} and {@code pool}, read from the pool's counts whenever
 * the registry is read. Loaded only when metrics are on.
 */
public final class PoolGauges {

    private PoolGauges() {}

    /** Registers the gauges; the result removes them (a retired pool leaves no series behind). */
    public static Runnable register(MeterRegistry registry, String kind, String pool, Supplier<Metrics.PoolCounts> counts) {
        List<Meter> meters = List.of(
                connections(registry, kind, pool, "active", counts, Metrics.PoolCounts::active),
                connections(registry, kind, pool, "idle", counts, Metrics.PoolCounts::idle),
                Gauge.builder("skitai.pool.pending", counts, c -> c.get().pending())
                        .description("requests or statements waiting for a connection of the pool")
                        .tag("kind", kind).tag("pool", pool).strongReference(true).register(registry));
        return () -> meters.forEach(registry::remove);
    }

    private static Meter connections(MeterRegistry registry, String kind, String pool, String state,
            Supplier<Metrics.PoolCounts> counts, ToIntFunction<Metrics.PoolCounts> figure) {
        return Gauge.builder("skitai.pool.connections", counts, c -> figure.applyAsInt(c.get()))
                .description("connections of the pool, carrying requests or statements, or idle")
                .tag("kind", kind).tag("pool", pool).tag("state", state).strongReference(true).register(registry);
    }
}
