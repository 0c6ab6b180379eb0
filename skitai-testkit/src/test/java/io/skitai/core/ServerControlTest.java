package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Shared state, status, restart and shutdown of a single-process server. */
class ServerControlTest {

    private static SkitaiServer server() {
        return server(new AtomicInteger());
    }

    /** A server whose app counts how often it was started. */
    private static SkitaiServer server(AtomicInteger starts) {
        return SkitaiServer.create(config(starts).build()).addStatusSection("upstreams", () -> Map.of("@db", "1 idle"));
    }

    private static ServerBuilder config(AtomicInteger starts) {
        ServerBuilder config = ServerBuilder.create();
        config.processes().deflu("users").defgs("nodes");
        config.mount("/", (App) mount -> {
            starts.incrementAndGet();
            return ServerControlTest::handle;
        });
        return config;
    }

    private static void handle(Exchange ex) throws Exception {
        ServerContext self = ex.server();
        switch (ex.pathInfo()) {
            case "/set" -> {
                self.sharedState().setgs("nodes", 5);
                ex.json(Map.of("lu", self.sharedState().setlu("users")));
            }
            case "/get" -> ex.json(Map.of("nodes", self.sharedState().getgs("nodes"),
                    "lu", self.sharedState().getlu("users")));
            case "/status" -> ex.json(self.status());
            case "/restart" -> {
                self.restart();
                ex.send("restarting");
            }
            case "/shutdown" -> {
                self.shutdown();
                ex.send("bye");
            }
            default -> ex.send("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void statusReportsThisProcessAndTheAddedSections() {
        TestKit.serve(server(), cli -> {
            cli.get("/");
            JsonNode status = cli.get("/status").json();
            assertThat(status.get("mode").asText()).isEqualTo("single");
            assertThat(status.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
            assertThat(status.get("workers")).hasSize(1);
            assertThat(status.get("requests").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(status.get("connections").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(status.get("sections").get("upstreams").get("@db").asText()).isEqualTo("1 idle");
        });
        SkitaiServer s = server();
        TestKit.serve(s, cli -> assertThat(s.status().toHtml()).contains("<td>#0 (this one)</td>").contains("upstreams"));
    }

    @Test
    void restartServesAgainAndKeepsTheSharedState() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        SkitaiServer server = server(starts);
        server.start(TestKit.run());
        int port = server.port();
        try (TestClient cli = TestClient.of("127.0.0.1", port)) {
            long lu = cli.get("/set").json().get("lu").asLong();
            assertThat(cli.get("/restart").text()).isEqualTo("restarting");
            long deadline = System.currentTimeMillis() + 10_000;
            while (starts.get() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(starts.get()).as("the app was started again").isEqualTo(2);
            JsonNode after = null;
            while (after == null && System.currentTimeMillis() < deadline) {
                try {
                    after = cli.request("GET", "/get").header("Connection", "close").send().json();
                } catch (RuntimeException notYet) {
                    Thread.sleep(50);
                }
            }
            assertThat(after).isNotNull();
            assertThat(after.get("nodes").asLong()).isEqualTo(5);
            assertThat(after.get("lu").asLong()).isEqualTo(lu);
            assertThat(server.isRunning()).isTrue();
        } finally {
            server.stop();
        }
    }

    @Test
    void shutdownStopsAfterAnsweringAndAwaitReturns() throws Exception {
        SkitaiServer server = server();
        server.start(TestKit.run());
        try (TestClient cli = TestClient.of("127.0.0.1", server.port())) {
            assertThat(cli.get("/shutdown").text()).isEqualTo("bye");
            server.await();
            assertThat(server.isRunning()).isFalse();
            assertThatThrownBy(server::sharedState).hasMessageContaining("SKITAI-C020");
        } finally {
            server.stop();
        }
    }

    @Test
    void keysAreDeclaredBeforeStart() {
        ServerBuilder config = config(new AtomicInteger());
        SkitaiServer server = SkitaiServer.create(config.build());
        server.start(TestKit.run());
        try {
            assertThatThrownBy(() -> config.processes().deflu("late")).hasMessageContaining("SKITAI-C022 deflu");
            assertThatThrownBy(() -> server.sharedState().setgs("late", 1)).hasMessageContaining("SKITAI-C061 'late'");
        } finally {
            server.stop();
        }
    }
}
