package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.skitai.core.Json;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import io.skitai.was.Was;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two servers in one JVM keep their JSON mappers, log files and broadcasts to themselves. */
class TwoServersTest {

    record Item(String itemName) {}

    /** An app that broadcasts "ping" and records the pings it hears. */
    public static final class Pinger {
        final List<String> heard = new CopyOnWriteArrayList<>();
        private final String name;

        Pinger(String name) {
            this.name = name;
        }

        @Route("/ping")
        public String ping(Was was) {
            was.broadcast("ping", name);
            return "sent";
        }

        @OnBroadcast("ping")
        public void heard(String from) {
            heard.add(name + " heard " + from);
        }
    }

    private static ServerBuilder server(String name, Path logs, ObjectMapper json, Pinger pinger) {
        ServerBuilder config = ServerBuilder.create().enableFileLogging(logs);
        if (json != null) {
            config.setJsonMapper(json);
        }
        config.mount("/json", ex -> ex.json(new Item("from " + name)));
        config.mount("/boom", ex -> {
            throw new IllegalStateException("boom in server " + name);
        });
        config.mount("/app", Atila.create().register(pinger));
        return config;
    }

    @Test
    void mappersLogFilesAndBroadcastsStayWithTheirServer(@TempDir Path dir) throws Exception {
        Pinger pingerA = new Pinger("A");
        Pinger pingerB = new Pinger("B");
        ObjectMapper snake = Json.newMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        SkitaiServer b = SkitaiServer.create(server("B", dir.resolve("b"), null, pingerB).build());
        b.start(TestKit.run());
        try (TestClient toB = TestClient.of("127.0.0.1", b.port())) {
            TestKit.serve(server("A", dir.resolve("a"), snake, pingerA), toA -> {
                assertThat(toA.get("/json").text()).isEqualTo("{\"item_name\":\"from A\"}");
                assertThat(toB.get("/json").text()).isEqualTo("{\"itemName\":\"from B\"}");

                assertThat(toA.get("/app/ping").text()).isEqualTo("sent");
                assertThat(pingerA.heard).containsExactly("A heard A");
                assertThat(pingerB.heard).as("a broadcast stays in its server").isEmpty();
                assertThat(toB.get("/app/ping").text()).isEqualTo("sent");
                assertThat(pingerB.heard).containsExactly("B heard B");
                assertThat(pingerA.heard).containsExactly("A heard A");

                assertThat(toA.get("/boom").status()).isEqualTo(500);
                assertThat(toB.get("/boom").status()).isEqualTo(500);
            });
        } finally {
            b.stop();
        }
        String serverLogA = Files.readString(dir.resolve("a/server.log"));
        String serverLogB = Files.readString(dir.resolve("b/server.log"));
        assertThat(serverLogA).contains("boom in server A").doesNotContain("boom in server B");
        assertThat(serverLogB).contains("boom in server B").doesNotContain("boom in server A");
        assertThat(Files.readString(dir.resolve("a/request.log"))).contains("/app/ping").contains("/json");
        assertThat(Files.readAllLines(dir.resolve("a/request.log"))).hasSize(3);
        assertThat(Files.readAllLines(dir.resolve("b/request.log"))).hasSize(3);
    }
}
