package io.skitai.core;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.skitai.core.internal.Networks;
import java.net.InetAddress;
import java.util.List;

/**
 * A Prometheus scrape endpoint to mount (needs {@code io.micrometer:micrometer-registry-prometheus}):
 * it answers {@code GET} with the registry's text exposition, and only to clients in the networks
 * it allows (by default loopback only; the client is found as {@link TrustedProxies} says), 403 to
 * others. Off unless mounted:
 *
 * <pre>{@code
 * PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * Skitai.enableMetrics(Metrics.of(registry));
 * Skitai.mount("/metrics", PrometheusEndpoint.of(registry).allowFrom("127.0.0.0/8", "10.0.0.0/8"));
 * }</pre>
 *
 * <p>With {@code workers(n)} each worker records and serves its own series (a scrape reaches the
 * worker that accepted the connection); scrape each worker, or give each its own port, until the
 * master gathers them.
 */
public final class PrometheusEndpoint implements Handler {

    private final PrometheusMeterRegistry registry;
    private final List<String> allowed;
    private final Networks networks;

    private PrometheusEndpoint(PrometheusMeterRegistry registry, List<String> allowed) {
        this.registry = registry;
        this.allowed = List.copyOf(allowed);
        this.networks = Networks.of(allowed);
    }

    /** The endpoint of {@code registry}, open to loopback clients. */
    public static PrometheusEndpoint of(PrometheusMeterRegistry registry) {
        return new PrometheusEndpoint(java.util.Objects.requireNonNull(registry, "registry"), List.of("127.0.0.0/8", "::1"));
    }

    /** The same endpoint open to clients in {@code cidrs} instead. */
    public PrometheusEndpoint allowFrom(String... cidrs) {
        return new PrometheusEndpoint(registry, List.of(cidrs));
    }

    @Override
    public void handle(Exchange exchange) {
        if (!exchange.method().equals("GET") && !exchange.method().equals("HEAD")) {
            throw new HttpError(405, "the metrics endpoint answers GET", java.util.Map.of("Allow", "GET, HEAD"), null);
        }
        InetAddress client = exchange.server().setting(TrustedProxies.SETTING).clientOf(exchange);
        if (client == null || !networks.contains(client)) {
            throw new HttpError(403, "the metrics endpoint is not open to " + (client == null ? "this client" : client.getHostAddress()));
        }
        exchange.contentType("text/plain; version=0.0.4; charset=utf-8").send(registry.scrape());
    }

    @Override
    public String toString() {
        return "PrometheusEndpoint(" + allowed + ")";
    }
}
