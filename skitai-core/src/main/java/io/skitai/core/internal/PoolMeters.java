package io.skitai.core.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The gauges of the upstream client's pools when the server records metrics: made with each pool
 * ({@link UpstreamClientImpl} calls {@link #watch}), removed from the registry when the pool is
 * retired or closed, so a destination no longer called leaves no series behind.
 * {@code skitai.pool.connections} by {@code kind}, {@code pool} ({@code host:port}) and
 * {@code state} ({@code active}, {@code idle}), and {@code skitai.pool.pending} (requests waiting
 * for a connection) by {@code kind} and {@code pool}. The only class of the client that touches
 * Micrometer: made only when metrics are on.
 */
final class PoolMeters implements UpstreamClientImpl.PoolWatcher {

    private final MeterRegistry registry;
    private final String kind;

    /** Gauges into {@code registry}, tagged {@code kind} ({@code http}, or {@code proxy} for the forward proxy's pools). */
    PoolMeters(MeterRegistry registry, String kind) {
        this.registry = registry;
        this.kind = kind;
    }

    @Override
    public Runnable watch(String name, UpstreamPool pool) {
        List<Meter> meters = List.of(
                gauge("skitai.pool.connections", name, "active", pool, p -> p.counts().active()),
                gauge("skitai.pool.connections", name, "idle", pool, p -> p.counts().idle()),
                Gauge.builder("skitai.pool.pending", pool, p -> p.counts().pending())
                        .description("requests waiting for a connection of the pool")
                        .tag("kind", kind).tag("pool", name).register(registry));
        return () -> meters.forEach(registry::remove);
    }

    private Meter gauge(String meter, String name, String state, UpstreamPool pool, ToDoubleFunction<UpstreamPool> value) {
        return Gauge.builder(meter, pool, value).description("connections of the pool, carrying requests or idle")
                .tag("kind", kind).tag("pool", name).tag("state", state).register(registry);
    }

    @Override
    public String toString() {
        return "PoolMeters(" + kind + ")";
    }
}
