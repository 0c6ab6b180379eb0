package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.skitai.core.Metrics;
import io.skitai.core.PrometheusEndpoint;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestResponse;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus scrape endpoint on a real server: its exposition checked by {@code promtool} and
 * parsed by Prometheus's own Python client, the route template as a label, and closed to networks
 * it does not allow.
 */
class PrometheusEndpointTest {

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

            Expositions.assertPromtoolAccepts(scrape.text());
            assertThat(Expositions.parsed(scrape.text())).as("parsed by prometheus_client").contains("- /users/{id:int} 2xx 3");
        });
    }

    @Test
    void theStatusDashboardsLatencySummaryIsAValidSeries() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ServerBuilder config = ServerBuilder.create().set(Metrics.SETTING, Metrics.of(registry))
                .enableStatusDashboard(io.skitai.core.StatusDashboard.at("/status"));
        config.mount("/", Atila.create().register(new MetricsTest.Users()));
        config.mount("/metrics", PrometheusEndpoint.of(registry));
        TestKit.serve(config, cli -> {
            for (int id = 1; id <= 3; id++) {
                cli.get("/users/" + id);
            }
            String scrape = cli.get("/metrics").text();
            assertThat(scrape).contains("skitai_http_latency_seconds{quantile=\"0.99\"").contains("skitai_http_latency_seconds_count");
            Expositions.assertPromtoolAccepts(scrape);
        });
    }

    @Test
    void theServersOwnDefaultRegistryIsScrapedAndAnyOtherFailsTheStart() throws Exception {
        ServerBuilder config = ServerBuilder.create().set(Metrics.SETTING, Metrics.defaults());
        config.mount("/", Atila.create().register(new MetricsTest.Users()));
        config.mount("/metrics", PrometheusEndpoint.create());
        TestKit.serve(config, cli -> {
            cli.get("/users/9");
            TestResponse scrape = cli.get("/metrics");
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(Expositions.parsed(scrape.text())).as("the default registry is Prometheus's").contains("- /users/{id:int} 2xx 1");
        });
        for (Metrics metrics : java.util.List.of(Metrics.OFF, Metrics.of(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()))) {
            ServerBuilder wrong = ServerBuilder.create().set(Metrics.SETTING, metrics);
            wrong.mount("/metrics", PrometheusEndpoint.create());
            io.skitai.core.SkitaiServer server = io.skitai.core.SkitaiServer.create(wrong.build());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.start(io.skitai.core.Run.port(0).address("127.0.0.1")))
                    .as(metrics.toString()).isInstanceOf(io.skitai.core.StartupException.class)
                    .hasMessageContaining("SKITAI-C098").hasMessageContaining("'/metrics'");
        }
    }
}
