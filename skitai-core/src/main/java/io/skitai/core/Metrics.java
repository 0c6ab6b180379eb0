package io.skitai.core;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Where the server records its metrics ({@code Skitai.enableMetrics(Metrics.of(registry))}): into the app's own
 * Micrometer {@link MeterRegistry} (a Prometheus, OTLP or any other registry; micrometer-core is an
 * optional dependency a program that turns metrics on adds). Off by default.
 *
 * <p>Recorded: {@code skitai.http.requests}, a timer per {@code mount} (the mount point),
 * {@code route} (the route's template as the app names it, e.g. {@code /users/{id:int}}, never the
 * raw path; {@code -} when the app names none), {@code method} and {@code status} ({@code 2xx}..
 * {@code 5xx}); and the JVM's memory, GC, threads, classes and CPU through Micrometer's binders.
 */
public final class Metrics {

    /** No metrics. */
    public static final Metrics OFF = new Metrics(null);

    /** Where the server's configuration keeps it. */
    public static final Setting<Metrics> SETTING = Setting.of("core.metrics", Metrics.class, OFF);

    private final MeterRegistry registry;

    private Metrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Metrics into {@code registry}. */
    public static Metrics of(MeterRegistry registry) {
        return new Metrics(java.util.Objects.requireNonNull(registry, "registry"));
    }

    /** Whether metrics are on. */
    public boolean enabled() {
        return registry != null;
    }

    /**
     * The registry.
     *
     * @throws IllegalStateException when metrics are off
     */
    public MeterRegistry registry() {
        if (registry == null) {
            throw new IllegalStateException("metrics are off: Skitai.enableMetrics(Metrics.of(registry)) turns them on");
        }
        return registry;
    }

    @Override
    public String toString() {
        return registry == null ? "Metrics[off]" : "Metrics[" + registry.getClass().getSimpleName() + "]";
    }
}
