package io.skitai.core.internal.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skitai.core.Key;
import io.skitai.core.Metrics;
import io.skitai.core.ServerContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * This process's request figures for the status dashboard: requests by status class (counted
 * since the engine started) and the latency percentiles of the last {@value #WINDOW_SECONDS}
 * seconds, from one Micrometer timer, {@code skitai.http.latency}, kept in the app's registry when
 * metrics are on, else in a private one. A request costs one timer record and one counter add.
 */
public final class RecentRequests implements AutoCloseable {

    /** The engine's instance. */
    public static final Key<RecentRequests> KEY = Key.of("core.recentRequests", RecentRequests.class);
    /** How far back the percentiles look. */
    public static final int WINDOW_SECONDS = 60;

    private static final String[] CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};
    private static final double[] PERCENTILES = {0.5, 0.95, 0.99};
    private static final String[] PERCENTILE_NAMES = {"p50", "p95", "p99"};

    private final MeterRegistry registry;
    private final boolean own;
    private final Timer latency;
    /** By status class, 1xx to 5xx, then anything else. */
    private final LongAdder[] statuses = new LongAdder[CLASSES.length + 1];

    private RecentRequests(MeterRegistry registry, boolean own) {
        this.registry = registry;
        this.own = own;
        this.latency = Timer.builder("skitai.http.latency")
                .description("every request's time, with percentiles over the last minute (the status dashboard's)")
                .publishPercentiles(PERCENTILES)
                .distributionStatisticExpiry(Duration.ofSeconds(WINDOW_SECONDS))
                .distributionStatisticBufferLength(3)
                .register(registry);
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = new LongAdder();
        }
    }

    /** The figures of {@code server}: into its metrics registry, or a private one when metrics are off. */
    public static RecentRequests of(ServerContext server) {
        Metrics metrics = server.setting(Metrics.SETTING);
        return metrics.enabled() ? new RecentRequests(metrics.registry(), false) : new RecentRequests(new SimpleMeterRegistry(), true);
    }

    /** Counts one request answered with {@code status} after {@code nanos}. */
    public void record(int status, long nanos) {
        statuses[status >= 100 && status < 600 ? status / 100 - 1 : CLASSES.length].increment();
        latency.record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The figures now: {@code requests} (all counted), {@code statuses} ({@code 1xx}..{@code 5xx},
     * {@code other}) and {@code latencyMs} ({@code p50}, {@code p95}, {@code p99}, {@code max}, in
     * milliseconds; 0 when the window saw no request).
     */
    public Map<String, Object> figures() {
        Map<String, Long> byClass = new LinkedHashMap<>();
        long total = 0;
        for (int i = 0; i < statuses.length; i++) {
            long n = statuses[i].sum();
            byClass.put(i < CLASSES.length ? CLASSES[i] : "other", n);
            total += n;
        }
        HistogramSnapshot snapshot = latency.takeSnapshot();
        Map<String, Double> ms = new LinkedHashMap<>();
        for (ValueAtPercentile v : snapshot.percentileValues()) {
            for (int i = 0; i < PERCENTILES.length; i++) {
                if (v.percentile() == PERCENTILES[i]) {
                    ms.put(PERCENTILE_NAMES[i], rounded(v.value(TimeUnit.MILLISECONDS)));
                }
            }
        }
        for (String name : PERCENTILE_NAMES) {
            ms.putIfAbsent(name, 0.0); // a registry that denied the timer's percentiles
        }
        ms.put("max", rounded(snapshot.max(TimeUnit.MILLISECONDS)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests", total);
        out.put("statuses", byClass);
        out.put("latencyMs", ms);
        return out;
    }

    private static double rounded(double ms) {
        return Double.isFinite(ms) ? Math.round(ms * 1000) / 1000.0 : 0.0;
    }

    /** Closes the private registry; an app's registry stays the app's. */
    @Override
    public void close() {
        if (own) {
            registry.close();
        }
    }

    @Override
    public String toString() {
        return "RecentRequests(" + (own ? "private registry" : registry.getClass().getSimpleName()) + ")";
    }
}
