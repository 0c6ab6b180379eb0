package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skitai.core.Proto;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The "upstreams" section of {@code was.status()}: aliases with their members and weights, calls
 * made and failed per member and per absolute URL, and the result cache's size and hits; against
 * two raw Undertow upstreams, one answering 200, one 500.
 */
class UpstreamStatusTest {

    @Test
    void statusShowsAliasesMembersCallsFailuresAndTheCache() {
        try (RawUpstream good = RawUpstream.start(RawUpstream.answer("application/json", "{\"ok\":1}"));
             RawUpstream bad = RawUpstream.start(ex -> RawUpstream.send(ex, 500, "text/plain", "down"))) {
            ServerBuilder server = ServerBuilder.create();
            server.alias("@pool", Proto.HTTP, good.member() + " 3", bad.member() + " 1");
            server.mount("/", ex -> {
                Was was = Was.current();
                switch (ex.pathInfo()) {
                    case "/status" -> ex.json(was.status());
                    default -> {
                        Results all = was.map().get("@pool/items").dispatch(5);
                        String url = "http://" + good.member() + "/direct";
                        Result first = was.get(url).dispatch(5, 60);
                        Result again = was.get(url).dispatch(5, 60);
                        ex.json(Map.of("codes", all.statusCodes(), "first", first.status(), "again", again.status()));
                    }
                }
            });
            TestKit.serve(server, cli -> {
                JsonNode before = cli.get("/status").json().get("sections");
                assertThat(before.has("upstreams")).as("no section before the first upstream call").isFalse();

                Map<String, Object> calls = cli.get("/").data();
                assertThat(calls).containsEntry("codes", java.util.List.of(200, 500));

                JsonNode up = cli.get("/status").json().get("sections").get("upstreams");
                JsonNode pool = up.get("aliases").get(0);
                assertThat(pool.get("name").asText()).isEqualTo("@pool");
                assertThat(pool.get("proto").asText()).isEqualTo("HTTP");
                JsonNode m0 = pool.get("members").get(0);
                JsonNode m1 = pool.get("members").get(1);
                assertThat(m0.get("server").asText()).isEqualTo(good.member());
                assertThat(m0.get("weight").asInt()).isEqualTo(3);
                assertThat(m0.get("calls").asLong()).isEqualTo(1);
                assertThat(m0.get("failed").asLong()).isZero();
                assertThat(m1.get("server").asText()).isEqualTo(bad.member());
                assertThat(m1.get("weight").asInt()).isEqualTo(1);
                assertThat(m1.get("calls").asLong()).isEqualTo(1);
                assertThat(m1.get("failed").asLong()).as("a 5xx counts as failed").isEqualTo(1);
                assertThat(m0.get("health").asText()).isEqualTo("ok");
                assertThat(m0.get("consecutiveFailures").asLong()).isZero();
                assertThat(m1.get("health").asText()).as("its last call failed").isEqualTo("failing");
                assertThat(m1.get("consecutiveFailures").asLong()).isEqualTo(1);

                JsonNode direct = up.get("urls").get("http://" + good.member());
                assertThat(direct.get("calls").asLong()).as("the second call came from the cache").isEqualTo(1);
                assertThat(direct.get("failed").asLong()).isZero();
                assertThat(good.hits()).as("requests that reached the good upstream").isEqualTo(2);

                JsonNode cache = up.get("cache");
                assertThat(cache.get("capacity").asLong()).isEqualTo(100);
                assertThat(cache.get("size").asLong()).isEqualTo(1);
                assertThat(cache.get("hits").asLong()).isEqualTo(1);
                assertThat(cache.get("misses").asLong()).isEqualTo(3);
            });
        }
    }

    @Test
    void aRestartStartsWithFreshUpstreamsAndNoStaleSection() throws Exception {
        try (RawUpstream good = RawUpstream.start(RawUpstream.answer("text/plain", "ok"))) {
            ServerBuilder server = ServerBuilder.create();
            server.alias("@one", Proto.HTTP, good.member());
            server.mount("/", ex -> {
                Was was = Was.current();
                switch (ex.pathInfo()) {
                    case "/call" -> ex.send(was.get("@one/").dispatch(5).text());
                    case "/restart" -> {
                        was.restart();
                        ex.send("restarting");
                    }
                    default -> ex.json(was.status());
                }
            });
            SkitaiServer running = SkitaiServer.create(server.build());
            running.start(TestKit.run());
            try (TestClient cli = TestClient.of("127.0.0.1", running.port())) {
                assertThat(cli.get("/call").text()).isEqualTo("ok");
                assertThat(memberCalls(cli.get("/status").json())).isEqualTo(1);

                cli.request("GET", "/restart").header("Connection", "close").send();
                long deadline = System.currentTimeMillis() + 10_000;
                JsonNode after = null;
                while (System.currentTimeMillis() < deadline) {
                    try {
                        after = cli.request("GET", "/status").header("Connection", "close").send().json();
                        if (!after.get("sections").has("upstreams")) {
                            break;
                        }
                    } catch (RuntimeException notServingYet) {
                        // between the old engine and the new one
                    }
                    Thread.sleep(50);
                }
                assertThat(after).isNotNull();
                assertThat(after.get("sections").has("upstreams"))
                        .as("the stopped engine's upstreams left the status with it").isFalse();

                assertThat(cli.request("GET", "/call").header("Connection", "close").send().text()).isEqualTo("ok");
                assertThat(memberCalls(cli.request("GET", "/status").header("Connection", "close").send().json()))
                        .as("the new engine counts from zero").isEqualTo(1);
            } finally {
                running.stop();
            }
        }
    }

    private static long memberCalls(JsonNode status) {
        return status.get("sections").get("upstreams").get("aliases").get(0).get("members").get(0).get("calls").asLong();
    }
}
