package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.atila.apps.MetricsMain;
import io.skitai.testkit.MultiProcessServer;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * With two workers, one scrape returns both workers' series, each labelled by its worker: the
 * two workers served different numbers of requests, and the one scrape shows both counts; the
 * exposition passes {@code promtool check metrics}.
 */
@EnabledOnOs(OS.LINUX)
class PrometheusWorkersTest {

    @Test
    void oneScrapeCoversBothWorkers() throws Exception {
        try (MultiProcessServer server = MultiProcessServer.start(MetricsMain.class, 2)) {
            List<Long> pids = server.awaitWorkers(2, Duration.ofSeconds(60)).stream().map(ProcessHandle::pid).toList();
            try (TestClient a = pinnedTo(server, pids.get(0)); TestClient b = pinnedTo(server, pids.get(1))) {
                for (int id = 1; id <= 2; id++) {
                    assertThat(a.get("/users/" + id).status()).isEqualTo(200);
                }
                for (int id = 1; id <= 5; id++) {
                    assertThat(b.get("/users/" + id).status()).isEqualTo(200);
                }
            }
            String scrape;
            try (TestClient cli = server.client()) {
                TestResponse r = cli.get("/metrics");
                assertThat(r.status()).isEqualTo(200);
                scrape = r.text();
            }
            assertThat(scrape).doesNotContain("did not answer");
            Expositions.assertPromtoolAccepts(scrape);
            List<String> parsed = Expositions.parsed(scrape);
            List<String> users = parsed.stream().filter(l -> l.contains(" /users/{id:int} 2xx ")).sorted().toList();
            assertThat(users).as("one series per worker, each with its own count").hasSize(2);
            assertThat(users.stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)).sorted().toList()).containsExactly("2", "5");
            assertThat(users.stream().map(l -> l.substring(0, l.indexOf(' '))).collect(Collectors.toSet()))
                    .as("labelled by worker number").hasSize(2).doesNotContain("-");
            assertThat(parsed).as("the master's figures, seen alike by each worker")
                    .filteredOn(l -> l.contains(" skitai_workers_alive ")).hasSize(2).allMatch(l -> l.endsWith(" 2"));
            assertThat(parsed).filteredOn(l -> l.contains(" skitai_workers_restarts_total ")).allMatch(l -> l.endsWith(" 0"));

            MultiProcessServer.signal(pids.get(0), "KILL");
            awaitWorkersWithout(server, pids.get(0));
            try (TestClient cli = server.client()) {
                List<String> after = Expositions.parsed(cli.get("/metrics").text());
                assertThat(after).as("one worker replaced, counted once (the spare stood in, then a proper worker)")
                        .filteredOn(l -> l.contains(" skitai_workers_restarts_total ")).isNotEmpty().allMatch(l -> l.endsWith(" 1"));
            }
        }
    }

    /**
     * Waits until two proper workers listen, {@code gone} not among them, and no spare listens: the
     * spare that stood in for it has been retired (the master counts before it sends TERM).
     */
    private static void awaitWorkersWithout(MultiProcessServer server, long gone) throws InterruptedException {
        for (int i = 0; i < 6000; i++) {
            List<ProcessHandle> workers = server.awaitWorkers(2, Duration.ofSeconds(60));
            if (workers.stream().noneMatch(p -> p.pid() == gone) && server.spares().stream().noneMatch(server::listens)) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("worker " + gone + " was not replaced by a proper worker");
    }

    private static TestClient pinnedTo(MultiProcessServer server, long pid) {
        for (int i = 0; i < 400; i++) {
            TestClient cli = server.client();
            TestResponse r = cli.get("/pid");
            if (r.status() == 200 && r.json().get("pid").asLong() == pid) {
                return cli;
            }
            cli.close();
        }
        throw new AssertionError("no connection reached worker " + pid);
    }
}
