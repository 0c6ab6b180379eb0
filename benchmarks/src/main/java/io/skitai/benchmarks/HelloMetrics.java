package io.skitai.benchmarks;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.skitai.core.Metrics;
import io.skitai.core.PrometheusEndpoint;
import io.skitai.core.Run;
import io.skitai.core.Skitai;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code run.sh}'s {@code skitai-metrics} row: examples/hello's three routes with metrics on, into a
 * Prometheus registry with its scrape endpoint mounted, as a program that turns metrics on would;
 * set against the {@code skitai} row (the same routes, metrics off).
 *
 * <pre>java -cp benchmarks/target/skitai-benchmarks.jar io.skitai.benchmarks.HelloMetrics STATIC_DIR --skitai-port=PORT</pre>
 */
public final class HelloMetrics {

    private HelloMetrics() {}

    public static void main(String[] args) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Skitai.enableMetrics(Metrics.of(registry));
        Skitai.mount("/metrics", PrometheusEndpoint.of(registry));
        Skitai.mount("/", exchange -> exchange.send("Hello World"));
        Skitai.mount("/json", exchange -> exchange.json(Map.of("message", "Hello World")));
        Skitai.mount("/static", Path.of(args[0]));
        Skitai.run(Run.port(5000).name("hello-metrics").args(java.util.Arrays.copyOfRange(args, 1, args.length)));
    }
}
