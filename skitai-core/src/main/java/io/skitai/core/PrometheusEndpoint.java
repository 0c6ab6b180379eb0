package io.skitai.core;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.skitai.core.internal.EndpointGuard;
import io.skitai.core.internal.Messages;
import io.skitai.core.internal.PrometheusMerge;
import io.skitai.core.internal.WorkerGather;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A Prometheus scrape endpoint to mount (needs {@code io.micrometer:micrometer-registry-prometheus}):
 * it answers {@code GET} with the registry's text exposition, and only to clients in the networks
 * it allows (by default loopback only; the client is found as {@link TrustedProxies} says), 403 to
 * others. Off unless mounted:
 *
 * <pre>{@code
 * Skitai.enableMetrics();                      // a PrometheusMeterRegistry, this artifact being present
 * Skitai.mount("/metrics", PrometheusEndpoint.create().allowFrom("127.0.0.0/8", "10.0.0.0/8"));
 *
 * PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);   // or your own
 * Skitai.enableMetrics(Metrics.of(registry));
 * Skitai.mount("/metrics", PrometheusEndpoint.of(registry));
 * }</pre>
 *
 * <p><b>Workers.</b> With {@code workers(n)} every worker records its own series, and one scrape,
 * whichever worker accepts it, returns them all: that worker asks the others over the server's
 * {@link WorkerChannel}, each answers with its own exposition, and the answers are joined with a
 * {@code worker} label (the worker's number, {@code "1"}..) on every sample, each family's lines
 * together. A worker that has not answered within {@link #gatherWait} (2 s by default) is left
 * out of that scrape, with a {@code #} comment saying so. The {@code skitai_workers_*} gauges
 * are the master's figures, the same in every worker: read them with {@code max without(worker)}.
 */
public final class PrometheusEndpoint implements App {

    /** The registry to scrape; {@code null}: the server's ({@link #create()}). */
    private final PrometheusMeterRegistry registry;
    private final EndpointGuard guard;
    private final Duration wait;

    private PrometheusEndpoint(PrometheusMeterRegistry registry, List<String> allowed, Duration wait) {
        this.registry = registry;
        this.guard = EndpointGuard.of("the metrics endpoint", allowed);
        this.wait = wait;
    }

    /**
     * The endpoint of the server's own registry (turned on with {@code Skitai.enableMetrics()} and
     * micrometer-registry-prometheus on the class path), open to loopback clients. The start fails
     * (SKITAI-C098) when the server's metrics are off or go to another kind of registry.
     */
    public static PrometheusEndpoint create() {
        return new PrometheusEndpoint(null, EndpointGuard.LOOPBACK, Duration.ofSeconds(2));
    }

    /** The endpoint of {@code registry}, open to loopback clients. */
    public static PrometheusEndpoint of(PrometheusMeterRegistry registry) {
        return new PrometheusEndpoint(Objects.requireNonNull(registry, "registry"), EndpointGuard.LOOPBACK,
                Duration.ofSeconds(2));
    }

    /** The same endpoint open to clients in {@code cidrs} instead. */
    public PrometheusEndpoint allowFrom(String... cidrs) {
        return new PrometheusEndpoint(registry, List.of(cidrs), wait);
    }

    /** The same endpoint waiting at most {@code wait} for the other workers' series. */
    public PrometheusEndpoint gatherWait(Duration wait) {
        if (wait.isNegative() || wait.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("gatherWait must be between 0 and 1 minute: " + wait);
        }
        return new PrometheusEndpoint(registry, guard.allowed(), wait);
    }

    @Override
    public Handler start(MountInfo mount) {
        ServerContext server = mount.server();
        PrometheusMeterRegistry scraped = registry != null ? registry : serverRegistry(server, mount.point());
        WorkerGather gather = WorkerGather.on(server.workerChannel(), "prometheus" + mount.point(),
                () -> own(scraped, server.status()));
        return exchange -> {
            guard.check(exchange);
            exchange.contentType("text/plain; version=0.0.4; charset=utf-8").send(scrape(scraped, server.status(), gather));
        };
    }

    private static PrometheusMeterRegistry serverRegistry(ServerContext server, String point) {
        Metrics metrics = server.setting(Metrics.SETTING);
        if (metrics.enabled() && metrics.registry() instanceof PrometheusMeterRegistry p) {
            return p;
        }
        throw new StartupException(Messages.scrapeNeedsPrometheusRegistry(point, metrics.toString()));
    }

    private String scrape(PrometheusMeterRegistry registry, ServerStatus status, WorkerGather gather)
            throws InterruptedException {
        if (!status.mode().equals("workers")) {
            return registry.scrape();
        }
        WorkerGather.Gathered all = gather.everyone(status, wait);
        String merged = PrometheusMerge.merge(all.answers().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList());
        return all.missing() <= 0 ? merged : "# skitai: " + all.missing() + " of " + all.expected()
                + " workers did not answer within " + wait.toMillis() + " ms\n" + merged;
    }

    /** This worker's exposition, labelled with its number; nothing from a spare worker. */
    private static byte[] own(PrometheusMeterRegistry registry, ServerStatus status) {
        return status.workers().stream().filter(w -> w.self() && w.index() >= 0).findFirst()
                .map(w -> PrometheusMerge.label(registry.scrape(), String.valueOf(w.index())).getBytes(StandardCharsets.UTF_8))
                .orElse(null);
    }

    @Override
    public String toString() {
        return "PrometheusEndpoint(" + guard.allowed() + ")";
    }
}
