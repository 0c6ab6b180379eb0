package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.skitai.core.Metrics;
import io.skitai.core.PrometheusEndpoint;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus scrape endpoint on a real server: its exposition parsed by Prometheus's own Python
 * client ({@code prometheus_client.parser}), the route template as a label, and closed to networks
 * it does not allow.
 */
class PrometheusEndpointTest {

    /** Parses the exposition on stdin and prints each request sample's labels and value. */
    private static final String PARSER = """
            import sys
            from prometheus_client.parser import text_string_to_metric_families
            for family in text_string_to_metric_families(sys.stdin.read()):
                for s in family.samples:
                    if s.name == "skitai_http_requests_seconds_count":
                        print(s.labels["route"], s.labels["status"], int(s.value))
            """;

    @Test
    void theScrapeParsesAndCarriesRouteTemplates() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ServerBuilder config = ServerBuilder.create().set(Metrics.SETTING, Metrics.of(registry));
        config.mount("/", Atila.create().register(new MetricsTest.Users()));
        config.mount("/metrics", PrometheusEndpoint.of(registry));
        config.mount("/closed", PrometheusEndpoint.of(registry).allowFrom("10.0.0.0/8"));
        TestKit.serve(config, cli -> {
            for (int id = 1; id <= 3; id++) {
                cli.get("/users/" + id);
            }
            TestResponse scrape = cli.get("/metrics");
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.header("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
            assertThat(scrape.text()).contains("skitai_http_requests_seconds_count{").contains("route=\"/users/{id:int}\"")
                    .doesNotContain("/users/1\"");
            assertThat(cli.get("/closed").status()).as("a client outside the allowed networks").isEqualTo(403);
            assertThat(cli.request("POST", "/metrics").send().status()).isEqualTo(405);

            Assumptions.assumeTrue(pythonHasParser(), "python3 with prometheus_client is missing (.ci/run installs it)");
            Process python = new ProcessBuilder("python3", "-c", PARSER).redirectErrorStream(true).start();
            python.getOutputStream().write(scrape.text().getBytes(StandardCharsets.UTF_8));
            python.getOutputStream().close();
            String parsed = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(python.exitValue()).as(parsed).isZero();
            assertThat(parsed.lines()).as("parsed by prometheus_client").contains("/users/{id:int} 2xx 3");
        });
    }

    private static boolean pythonHasParser() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import prometheus_client.parser").start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
