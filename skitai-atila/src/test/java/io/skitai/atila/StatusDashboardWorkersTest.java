package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skitai.atila.apps.DashboardMain;
import io.skitai.testkit.MultiProcessServer;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * With two workers, one {@code status.json} carries both workers' own figures, whichever worker
 * answers it: each worker's count is exactly the requests the test sent it (every response says
 * which pid served it), its 4xx its own, and the totals their sum.
 */
@EnabledOnOs(OS.LINUX)
class StatusDashboardWorkersTest {

    @Test
    void oneStatusJsonCarriesEveryWorkersFigures() throws Exception {
        try (MultiProcessServer server = MultiProcessServer.start(DashboardMain.class, 2)) {
            List<Long> pids = server.awaitWorkers(2, Duration.ofSeconds(60)).stream().map(ProcessHandle::pid).toList();
            Map<Long, Long> served = new HashMap<>();
            try (TestClient a = pinnedTo(server, pids.get(0), served); TestClient b = pinnedTo(server, pids.get(1), served)) {
                for (int id = 1; id <= 2; id++) {
                    assertThat(a.get("/users/" + id).status()).isEqualTo(200);
                }
                for (int id = 1; id <= 5; id++) {
                    assertThat(b.get("/users/" + id).status()).isEqualTo(200);
                }
                assertThat(b.get("/nothing").status()).isEqualTo(404);
            }
            served.merge(pids.get(0), 2L, Long::sum);
            served.merge(pids.get(1), 6L, Long::sum);

            JsonNode doc = awaitBothWorkers(server);
            assertThat(doc.get("mode").asText()).isEqualTo("workers");
            assertThat(doc.get("unanswered").asInt()).isZero();
            Map<Long, JsonNode> figures = new HashMap<>();
            doc.get("workers").forEach(w -> figures.put(w.get("pid").asLong(), w.get("figures")));
            assertThat(figures.keySet()).containsExactlyInAnyOrderElementsOf(pids);
            for (long pid : pids) {
                assertThat(figures.get(pid).get("requests").asLong()).as("worker " + pid + "'s own count").isEqualTo(served.get(pid));
                assertThat(figures.get(pid).get("latencyMs").get("p50").asDouble()).isPositive();
            }
            assertThat(figures.get(pids.get(0)).get("statuses").get("4xx").asLong()).isZero();
            assertThat(figures.get(pids.get(1)).get("statuses").get("4xx").asLong()).isEqualTo(1);
            assertThat(doc.get("totals").get("requests").asLong()).isEqualTo(served.values().stream().mapToLong(Long::longValue).sum());
            assertThat(doc.get("totals").get("errors").get("4xx").asLong()).isEqualTo(1);
        }
    }

    /** status.json once both workers serve and answered (a worker marks itself serving just after it listens). */
    private static JsonNode awaitBothWorkers(MultiProcessServer server) throws InterruptedException {
        JsonNode doc = null;
        for (int i = 0; i < 100; i++) {
            try (TestClient cli = server.client()) {
                TestResponse r = cli.get("/status/status.json");
                assertThat(r.status()).isEqualTo(200);
                doc = r.json();
            }
            long withFigures = 0;
            for (JsonNode w : doc.get("workers")) {
                withFigures += w.get("figures").isObject() ? 1 : 0;
            }
            if (withFigures == 2) {
                return doc;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("status.json never carried both workers' figures: " + doc);
    }

    /** A client whose connection reached worker {@code pid}; every /pid answer is counted in {@code served}. */
    private static TestClient pinnedTo(MultiProcessServer server, long pid, Map<Long, Long> served) {
        for (int i = 0; i < 400; i++) {
            TestClient cli = server.client();
            TestResponse r = cli.get("/pid");
            assertThat(r.status()).isEqualTo(200);
            long answered = r.json().get("pid").asLong();
            served.merge(answered, 1L, Long::sum);
            if (answered == pid) {
                return cli;
            }
            cli.close();
        }
        throw new AssertionError("no connection reached worker " + pid);
    }
}
