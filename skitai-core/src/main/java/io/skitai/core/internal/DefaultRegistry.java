package io.skitai.core.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The registry a program gets when it turns metrics on without naming one: Prometheus's when
 * {@code micrometer-registry-prometheus} is on the class path (so a {@code PrometheusEndpoint}
 * can serve it), else Micrometer's in-memory {@link SimpleMeterRegistry}.
 */
public final class DefaultRegistry {

    private static final String PROMETHEUS = "io.micrometer.prometheusmetrics.PrometheusMeterRegistry";

    private DefaultRegistry() {}

    /** A new default registry (micrometer-core present: loading this class needs it). */
    public static MeterRegistry create() {
        return prometheusPresent() ? Prometheus.create() : new SimpleMeterRegistry();
    }

    private static boolean prometheusPresent() {
        try {
            Class.forName(PROMETHEUS, false, DefaultRegistry.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Loaded only when the Prometheus registry is present. */
    private static final class Prometheus {
        static MeterRegistry create() {
            return new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                    io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        }
    }
}
