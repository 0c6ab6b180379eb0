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
 * {@code run.sh}'s {@code skitai-metrics} and {@code skitai-nometrics} rows: examples/hello's three
 * routes with metrics {@code on} (into a Prometheus registry with its scrape endpoint mounted, as a
 * program that turns metrics on would) or {@code off}, from the same jar, so the two rows differ in
 * the metrics only (this jar also holds was, websockets and servlets, which hello.jar does not).
 *
 * <pre>java -cp benchmarks/target/skitai-benchmarks.jar io.skitai.benchmarks.HelloMetrics on|off STATIC_DIR --skitai-port=PORT</pre>
 */
public final class HelloMetrics {

    private HelloMetrics() {}

    public static void main(String[] args) {
        if (args[0].equals("on")) {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Skitai.enableMetrics(Metrics.of(registry));
            Skitai.mount("/metrics", PrometheusEndpoint.of(registry));
        }
        Skitai.mount("/", exchange -> exchange.send("Hello World"));
        Skitai.mount("/json", exchange -> exchange.json(Map.of("message", "Hello World")));
        Skitai.mount("/static", Path.of(args[1]));
        Skitai.run(Run.port(5000).name("hello-metrics").args(java.util.Arrays.copyOfRange(args, 2, args.length)));
    }
}
