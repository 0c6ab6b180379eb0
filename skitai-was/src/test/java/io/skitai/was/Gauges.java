package io.skitai.was;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Reads gauges from a registry and waits, bounded, for a condition on them (no sleeps for timing). */
final class Gauges {

    private Gauges() {}

    /** The value of gauge {@code name} with exactly these tags (key, value, ...), or -1 when there is none. */
    static double value(MeterRegistry registry, String name, String... tags) {
        Gauge g = registry.find(name).tags(tags).gauge();
        return g == null ? -1 : g.value();
    }

    /** The meters named {@code skitai.pool.*} whose tag {@code key} is {@code value}. */
    static java.util.List<Meter> poolMeters(MeterRegistry registry, String key, String value) {
        return registry.getMeters().stream().filter(m -> m.getId().getName().startsWith("skitai.pool."))
                .filter(m -> value.equals(m.getId().getTag(key))).toList();
    }

    /**
     * Waits until pool {@code pool} of {@code kind} shows exactly {@code active} connections in
     * use, {@code idle} idle ones and {@code pending} callers waiting, all at once.
     */
    static void awaitPool(String what, MeterRegistry registry, String kind, String pool, int active, int idle, int pending)
            throws InterruptedException {
        await(what, () -> value(registry, "skitai.pool.connections", "kind", kind, "pool", pool, "state", "active") == active
                && value(registry, "skitai.pool.connections", "kind", kind, "pool", pool, "state", "idle") == idle
                && value(registry, "skitai.pool.pending", "kind", kind, "pool", pool) == pending);
    }

    /** Waits until {@code condition} holds, failing with {@code what} after a generous 30 s. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(10);
        }
    }
}
