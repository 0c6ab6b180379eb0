package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skitai.atila.apps.StateMain;
import io.skitai.testkit.MultiProcessServer;
import io.skitai.testkit.TestResponse;
import io.skitai.testkit.TestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * With two workers: {@code was.shutdown()} and {@code was.restart()} apply to the current worker
 * (the master replaces it, as the Python docs say), {@code was.shutdownServer()} stops everything;
 * the setgs event and a {@code @Maintain} method reading {@code was.getgs} across the workers.
 */
@EnabledOnOs(OS.LINUX)
class WorkerControlTest {

    private static final Duration READY = Duration.ofSeconds(60);

    @Test
    void setgsRaisesItsEventAndTheOtherWorkersMaintenanceSeesTheValue() throws Exception {
        try (MultiProcessServer server = MultiProcessServer.start(StateMain.class, 2)) {
            List<Long> pids = server.workers().stream().map(ProcessHandle::pid).toList();
            try (TestClient a = pinnedTo(server, pids.get(0)); TestClient b = pinnedTo(server, pids.get(1))) {
                assertThat(a.get("/setgs/nodes/7").json().get("value").asLong()).isEqualTo(7);
                assertThat(events(a)).as("the event named by the key, with the value and the args, in the worker that set it")
                        .contains("nodes=7 [from, " + pids.get(0) + "]");
                List<String> seen = awaitEvent(b, e -> e.startsWith("noticed nodes=7"));
                assertThat(seen).as("the other worker's @Maintain method read was.getgs and broadcast to its apps")
                        .contains("noticed nodes=7 at  without a request: true")
                        .noneMatch(e -> e.startsWith("nodes=7"));
            }
        }
    }

    @Test
    void shutdownAndRestartApplyToTheCurrentWorkerOnly() throws Exception {
        try (MultiProcessServer server = MultiProcessServer.start(StateMain.class, 2)) {
            long master = server.master().orElseThrow().pid();
            List<Long> before = server.awaitWorkers(2, READY).stream().map(ProcessHandle::pid).toList();

            long stopped = before.get(0);
            try (TestClient cli = pinnedTo(server, stopped)) {
                assertThat(cli.get("/shutdown").json().get("stopping").asText()).isEqualTo("worker");
            }
            ProcessHandle.of(stopped).ifPresent(p -> p.onExit().join());
            List<Long> afterShutdown = awaitWorkersWithout(server, stopped);
            assertThat(afterShutdown).as("the other worker still serves").contains(before.get(1));
            assertThat(server.master().orElseThrow().pid()).as("the master stays").isEqualTo(master);

            long restarted = before.get(1);
            try (TestClient cli = pinnedTo(server, restarted)) {
                assertThat(cli.get("/restart").json().get("restarting").asText()).isEqualTo("worker");
            }
            ProcessHandle.of(restarted).ifPresent(p -> p.onExit().join());
            List<Long> afterRestart = awaitWorkersWithout(server, restarted);
            assertThat(afterRestart).doesNotContain(stopped, restarted);
            assertThat(server.master().orElseThrow().pid()).isEqualTo(master);
            try (TestClient cli = server.client()) {
                assertThat(cli.get("/getgs/nodes").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void shutdownServerStopsEveryWorkerAndTheMaster() throws Exception {
        MultiProcessServer server = MultiProcessServer.start(StateMain.class, 2);
        try (TestClient cli = server.client()) {
            server.awaitWorkers(2, READY);
            List<ProcessHandle> tree = server.aliveProcesses();
            assertThat(cli.get("/shutdown-server").json().get("stopping").asText()).isEqualTo("server");
            int status = server.awaitExit(READY);
            for (ProcessHandle p : tree) {
                p.onExit().get(30, TimeUnit.SECONDS);
            }
            assertThat(status).as(server.output()).isZero();
            assertThat(tree).noneMatch(ProcessHandle::isAlive);
        } finally {
            server.close();
        }
    }

    /** Waits until two workers listen and {@code gone} is not one of them; their pids. */
    private static List<Long> awaitWorkersWithout(MultiProcessServer server, long gone) throws InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            List<Long> now = server.awaitWorkers(2, READY).stream().map(ProcessHandle::pid).toList();
            if (!now.contains(gone)) {
                return now;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("worker " + gone + " was not replaced:\n" + server.output());
    }

    private static List<String> events(TestClient cli) {
        List<String> all = new ArrayList<>();
        cli.get("/events").json().get("events").forEach(e -> all.add(e.asText()));
        return all;
    }

    /** Polls the worker behind {@code cli} until one of its events matches (its maintenance runs every 0.2 s). */
    private static List<String> awaitEvent(TestClient cli, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
        List<String> seen = events(cli);
        while (seen.stream().noneMatch(wanted) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = events(cli);
        }
        return seen;
    }

    /** A client whose keep-alive connection ends at worker {@code pid}. */
    private static TestClient pinnedTo(MultiProcessServer server, long pid) {
        for (int i = 0; i < 400; i++) {
            TestClient cli = server.client();
            TestResponse r = cli.get("/events");
            JsonNode body = r.status() == 200 ? r.json() : null;
            if (body != null && body.get("pid").asLong() == pid) {
                return cli;
            }
            cli.close();
        }
        throw new AssertionError("no connection reached worker " + pid);
    }
}
