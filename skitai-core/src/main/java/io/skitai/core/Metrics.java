package io.skitai.core;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Where the server records its metrics ({@code Skitai.enableMetrics(Metrics.of(registry))}): into the app's own
 * Micrometer {@link MeterRegistry} (a Prometheus, OTLP or any other registry; micrometer-core is an
 * optional dependency a program that turns metrics on adds). Off by default.
 *
 * <p>Recorded (the meters a module adds exist once it is used):
 * <ul>
 * <li>{@code skitai.http.requests}, a timer per {@code mount} (the mount point), {@code route} (the
 * route's template as the app names it, e.g. {@code /users/{id:int}}, never the raw path; {@code -}
 * when the app names none), {@code method} and {@code status} ({@code 2xx}..{@code 5xx});
 * <li>{@code skitai.workers.alive} and {@code skitai.workers.spare}, gauges, and
 * {@code skitai.workers.restarts}, a counter: the worker processes as the master sees them;
 * <li>{@code skitai.pool.connections}, a gauge per {@code kind} ({@code http} for the upstream
 * client, {@code proxy} for the forward proxy's pools, {@code postgresql}, {@code sqlite},
 * {@code mongodb}), {@code pool} and {@code state} ({@code active}: carrying a request or running a
 * statement, {@code idle}); and {@code skitai.pool.pending}, a gauge per {@code kind} and
 * {@code pool}: the calls waiting for a connection. An HTTP pool is named {@code host:port} and its
 * gauges leave the registry when it retires or closes; a database pool is named
 * {@code @alias/host:port/db} ({@code @alias/file} for SQLite), never with credentials. Redis has
 * none: one multiplexed connection per member is no pool;
 * <li>({@code was}) {@code skitai.upstream.calls}, a timer per {@code alias} ({@code -} for a URL),
 * {@code member} ({@code host:port}), {@code outcome} ({@code normal}, {@code timeout},
 * {@code exception}) and {@code http} (the answer's status class, or {@code -}); and
 * {@code skitai.cache.results}, a counter per {@code result} ({@code hit}, {@code miss}) of the
 * result cache's lookups;
 * <li>({@code skitai-websocket}) {@code skitai.websocket.sessions}, a gauge of the open sessions per
 * {@code mount}, and {@code skitai.websocket.messages}, a counter per {@code mount} and
 * {@code direction} ({@code in}, {@code out});
 * <li>the JVM's memory, GC, threads, classes and CPU through Micrometer's binders.
 * </ul>
 * Meters are looked up by their tag values, never built per request or per message.
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

    /**
     * Metrics into a default registry: Prometheus's when {@code io.micrometer:micrometer-registry-prometheus}
     * is on the class path (then {@link PrometheusEndpoint#create()} serves it), else Micrometer's
     * in-memory {@code SimpleMeterRegistry}; read it back with {@link #registry()}.
     *
     * @throws StartupException (SKITAI-C097) naming {@code io.micrometer:micrometer-core} when it is missing
     */
    public static Metrics defaults() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, Metrics.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new StartupException(io.skitai.core.internal.Messages.metricsNeedMicrometer(), e);
        }
        return new Metrics(io.skitai.core.internal.DefaultRegistry.create());
    }

    /** Metrics into {@code registry}. */
    public static Metrics of(MeterRegistry registry) {
        return new Metrics(java.util.Objects.requireNonNull(registry, "registry"));
    }

    /**
     * A connection pool's figures at one moment, as its gauges show them.
     *
     * @param active  connections carrying a request or statement (or held by a transaction)
     * @param idle    open connections carrying none
     * @param pending requests or statements waiting for a connection
     */
    public record PoolCounts(int active, int idle, int pending) {}

    /**
     * Shows a connection pool in {@code skitai.pool.connections} ({@code kind}, {@code pool},
     * {@code state} = {@code active}/{@code idle}) and {@code skitai.pool.pending} ({@code kind},
     * {@code pool}), read from {@code counts} whenever the registry is read; returns what removes
     * those gauges (when the pool goes). Does nothing, and loads no Micrometer class, when metrics
     * are off. {@code pool} names the pool and never holds credentials.
     */
    public Runnable watchPool(String kind, String pool, java.util.function.Supplier<PoolCounts> counts) {
        return registry == null ? () -> { } : io.skitai.core.internal.PoolGauges.register(registry, kind, pool, counts);
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
