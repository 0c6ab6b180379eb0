package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skitai.core.Handler;
import io.skitai.core.Metrics;
import io.skitai.core.Proto;
import io.skitai.core.Run;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.core.StartupException;
import io.skitai.core.StatusDashboard;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestResponse;
import io.skitai.was.Was;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The status dashboard on a real server: its JSON counts what was served by status class, with
 * latency percentiles, the workers and the upstream members with their health; the page and its
 * assets come from the jar; it is closed to other networks and other methods, and its path cannot
 * be mounted.
 */
class StatusDashboardTest {

    /** Routes answering 200, 500 and one that calls two upstreams, one of them down. */
    public static final class Routes {
        @Route("/ok")
        public String ok() {
            return "ok";
        }

        @Route("/fail")
        public String fail() {
            throw new IllegalStateException("a failing route");
        }

        @Route("/call")
        public String call(Was was) {
            return was.get("@up/data").dispatch(5, 60).text() + " " + was.get("@gone/x").dispatch(5).status();
        }
    }

    /** A server with the dashboard at /status, the routes at /, and aliases @up (to {@code upstreamPort}) and @gone. */
    static ServerBuilder server(int upstreamPort, StatusDashboard dashboard) {
        ServerBuilder config = ServerBuilder.create().enableStatusDashboard(dashboard);
        config.alias("@up", Proto.HTTP, "127.0.0.1:" + upstreamPort);
        config.alias("@gone", Proto.HTTP, "127.0.0.1:" + TestKit.freePort());
        config.mount("/", Atila.create().register(new Routes()));
        return config;
    }

    /** Serves {@code test} with an upstream answering "fresh" on its port. */
    static void withUpstream(java.util.function.IntConsumer test) {
        ServerBuilder upstream = ServerBuilder.create();
        upstream.mount("/", (Handler) ex -> ex.send("fresh"));
        TestKit.serve(upstream, up -> test.accept(up.port()));
    }

    @Test
    void statusJsonCountsWhatWasServedWithLatencyWorkersAndUpstreams() {
        withUpstream(port -> TestKit.serve(server(port, StatusDashboard.at("/status")), cli -> {
            for (int i = 0; i < 3; i++) {
                assertThat(cli.get("/ok").status()).isEqualTo(200);
            }
            assertThat(cli.get("/missing").status()).isEqualTo(404);
            assertThat(cli.get("/missing/too").status()).isEqualTo(404);
            assertThat(cli.get("/fail").status()).isEqualTo(500);
            assertThat(cli.get("/call").text()).isEqualTo("fresh 2");
            assertThat(cli.get("/call").text()).as("the second from the result cache").isEqualTo("fresh 2");

            JsonNode doc = statusJson(cli);
            assertThat(doc.get("mode").asText()).isEqualTo("single");
            assertThat(doc.get("unanswered").asInt()).isZero();
            JsonNode totals = doc.get("totals");
            assertThat(totals.get("requests").asLong()).as("8 requests; the dashboard's own are not counted").isEqualTo(8);
            assertThat(totals.get("statuses").get("2xx").asLong()).isEqualTo(5);
            assertThat(totals.get("statuses").get("4xx").asLong()).isEqualTo(2);
            assertThat(totals.get("statuses").get("5xx").asLong()).isEqualTo(1);
            assertThat(totals.get("errors").get("5xxRatio").asDouble()).isEqualTo(0.125);
            JsonNode latency = totals.get("latencyMs");
            assertThat(latency.get("p50").asDouble()).isPositive();
            assertThat(latency.get("p95").asDouble()).isGreaterThanOrEqualTo(latency.get("p50").asDouble());
            assertThat(latency.get("p99").asDouble()).isGreaterThanOrEqualTo(latency.get("p95").asDouble());

            assertThat(doc.get("workers")).hasSize(1);
            JsonNode worker = doc.get("workers").get(0);
            assertThat(worker.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
            assertThat(worker.get("state").asText()).isEqualTo("serving");
            assertThat(worker.get("figures").get("requests").asLong()).isEqualTo(8);

            JsonNode upstreams = worker.get("figures").get("sections").get("upstreams");
            JsonNode up = member(upstreams, "@up");
            assertThat(up.get("server").asText()).isEqualTo("127.0.0.1:" + port);
            assertThat(up.get("calls").asLong()).as("one call; the second was a cache hit").isEqualTo(1);
            assertThat(up.get("failed").asLong()).isZero();
            assertThat(up.get("health").asText()).isEqualTo("ok");
            JsonNode gone = member(upstreams, "@gone");
            assertThat(gone.get("calls").asLong()).isEqualTo(2);
            assertThat(gone.get("failed").asLong()).isEqualTo(2);
            assertThat(gone.get("consecutiveFailures").asLong()).isEqualTo(2);
            assertThat(gone.get("health").asText()).isEqualTo("failing");
            assertThat(upstreams.get("cache").get("hits").asLong()).isEqualTo(1);

            assertThat(statusJson(cli).get("totals").get("requests").asLong()).as("still 8 after a poll").isEqualTo(8);
        }));
    }

    @Test
    void thePageAndItsAssetsComeFromTheJar() {
        TestKit.serve(server(TestKit.freePort(), StatusDashboard.at("/ops/status/")), cli -> {
            for (String path : List.of("/ops/status", "/ops/status/")) {
                TestResponse page = cli.get(path);
                assertThat(page.status()).isEqualTo(200);
                assertThat(page.contentType()).startsWith("text/html");
                assertThat(page.header("Content-Security-Policy").orElse("")).contains("script-src 'self'").contains("connect-src 'self'");
                assertThat(page.text()).contains("<title>").contains("src=\"/ops/status/dashboard.js\"")
                        .contains("href=\"/ops/status/dashboard.css\"").contains("id=\"total-requests\"");
            }
            TestResponse js = cli.get("/ops/status/dashboard.js");
            assertThat(js.status()).isEqualTo(200);
            assertThat(js.contentType()).startsWith("text/javascript");
            assertThat(js.text()).contains("status.json").doesNotContain("http://").doesNotContain("https://").doesNotContain("innerHTML");
            assertThat(cli.get("/ops/status/dashboard.css").contentType()).startsWith("text/css");
            assertThat(cli.get("/ops/status/status.json").contentType()).startsWith("application/json");

            assertThat(cli.get("/ops/status/nothing.js").status()).isEqualTo(404);
            assertThat(cli.get("/ops/status/x/dashboard.js").status()).isEqualTo(404);
            TestResponse post = cli.request("POST", "/ops/status/status.json").send();
            assertThat(post.status()).isEqualTo(405);
            assertThat(post.header("Allow")).contains("GET, HEAD");
            assertThat(cli.get("/ops/statusx").status()).as("a sibling path is the app's").isEqualTo(404);
            assertThat(cli.get("/ok").status()).isEqualTo(200);
        });
    }

    @Test
    void otherNetworksAreRefused() {
        TestKit.serve(server(TestKit.freePort(), StatusDashboard.at("/status").allowFrom("10.0.0.0/8")), cli -> {
            assertThat(cli.get("/status").status()).isEqualTo(403);
            assertThat(cli.get("/status/status.json").status()).isEqualTo(403);
            assertThat(cli.get("/status/dashboard.js").status()).isEqualTo(403);
        });
    }

    @Test
    void itsPathCannotBeMounted() {
        for (String point : List.of("/status", "/status/sub")) {
            ServerBuilder config = ServerBuilder.create().enableStatusDashboard(StatusDashboard.at("/status"));
            config.mount("/", (Handler) ex -> ex.send("root"));
            config.mount(point, (Handler) ex -> ex.send("clash"));
            SkitaiServer server = SkitaiServer.create(config.build());
            assertThatThrownBy(() -> server.start(Run.port(0).address("127.0.0.1")))
                    .isInstanceOf(StartupException.class)
                    .hasMessageStartingWith("SKITAI-C096").hasMessageContaining("'/status'").hasMessageContaining("'" + point + "'");
        }
        assertThatThrownBy(() -> StatusDashboard.at("/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusDashboard.at("/a/../b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusDashboard.at("/status").allowFrom("example.com")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withMetricsOnTheLatencyTimerIsInTheAppsRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ServerBuilder config = server(TestKit.freePort(), StatusDashboard.at("/status")).set(Metrics.SETTING, Metrics.of(registry));
        TestKit.serve(config, cli -> {
            for (int i = 0; i < 4; i++) {
                cli.get("/ok");
            }
            assertThat(statusJson(cli).get("totals").get("requests").asLong()).isEqualTo(4);
            cli.get("/status");
        });
        Timer latency = registry.find("skitai.http.latency").timer();
        assertThat(latency).isNotNull();
        assertThat(latency.count()).isEqualTo(4);
        assertThat(registry.find("skitai.http.requests").timers()).as("the dashboard's requests are not the app's")
                .extracting(t -> t.getId().getTag("route")).containsOnly("/ok");
    }

    static JsonNode statusJson(TestClient cli) {
        TestResponse r = cli.get("/status/status.json");
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode member(JsonNode upstreams, String alias) {
        List<JsonNode> found = new ArrayList<>();
        upstreams.get("aliases").forEach(a -> {
            if (a.get("name").asText().equals(alias)) {
                a.get("members").forEach(found::add);
            }
        });
        assertThat(found).as("the members of " + alias).hasSize(1);
        return found.get(0);
    }
}
