package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skitai.testkit.MultiProcessServer;
import io.skitai.testkit.Response;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.apps.WorkersMain;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** A master and two workers, each a real JVM, on one port (SO_REUSEPORT). */
@EnabledOnOs(OS.LINUX)
class WorkersTest {

    private static final Duration READY = Duration.ofSeconds(60);

    /** The pid of the worker that answered, on a fresh connection each time. */
    private static long pidOf(TestClient cli) {
        Response r = cli.request("GET", "/pid").header("Connection", "close").send();
        assertThat(r.status()).isEqualTo(200);
        return r.json().get("pid").asLong();
    }

    @Test
    void psShowsTheMasterAndNumberedWorkersAndBothServe() {
        try (MultiProcessServer server = MultiProcessServer.start(WorkersMain.class, 2);
             TestClient cli = server.client()) {
            assertThat(MultiProcessServer.commandLine(server.master().orElseThrow())).contains("skitai(wtest): master");
            List<String> workers = server.workers().stream().map(MultiProcessServer::commandLine).toList();
            assertThat(workers).anyMatch(c -> c.contains("skitai(wtest): worker #0"))
                    .anyMatch(c -> c.contains("skitai(wtest): worker #1"));
            Set<Long> answered = new HashSet<>();
            for (int i = 0; i < 200 && answered.size() < 2; i++) {
                answered.add(pidOf(cli));
            }
            assertThat(answered).containsExactlyInAnyOrderElementsOf(
                    server.workers().stream().map(ProcessHandle::pid).toList());

            JsonNode status = cli.get("/status").json();
            assertThat(status.get("mode").asText()).isEqualTo("workers");
            assertThat(status.get("masterPid").asLong()).isEqualTo(server.master().orElseThrow().pid());
            assertThat(status.get("workers")).hasSize(2);
        }
    }

    @Test
    void aKilledWorkerIsReplacedWithinASecondAndTheLoopBarelyNotices() throws Exception {
        try (MultiProcessServer server = MultiProcessServer.start(WorkersMain.class, 2);
             TestClient cli = server.client()) {
            int ok = 0;
            List<Long> failures = new java.util.ArrayList<>();
            long relaunchMillis = -1;
            long listeningMillis = -1;
            CompletableFuture<long[]> back = null;
            for (int i = 0; i < 500; i++) {
                if (i == 150) {
                    ProcessHandle victim = server.workers().get(0);
                    Set<Long> before = new HashSet<>(server.workers().stream().map(ProcessHandle::pid).toList());
                    long killedAt = System.nanoTime();
                    victim.destroyForcibly();
                    back = CompletableFuture.supplyAsync(() -> watchReplacement(server, before, victim, killedAt));
                }
                try {
                    Response r = cli.request("GET", "/pid").header("Connection", "close").timeout(Duration.ofSeconds(10)).send();
                    if (r.status() == 200) {
                        ok++;
                    } else {
                        failures.add((long) i);
                    }
                } catch (RuntimeException e) {
                    failures.add((long) i);
                }
            }
            long[] times = back.get(30, TimeUnit.SECONDS);
            relaunchMillis = times[0];
            listeningMillis = times[1];
            System.out.printf("kill -9 during 500 requests: %d ok, failed at %s; new worker launched after %d ms,"
                    + " listening after %d ms%n", ok, failures, relaunchMillis, listeningMillis);
            assertThat(ok).isGreaterThanOrEqualTo(498);
            assertThat(relaunchMillis).isBetween(0L, 1000L);
            assertThat(server.awaitWorkers(2, READY)).hasSize(2);
        }
    }

    /** Milliseconds from the kill until a new worker process exists, and until it listens. */
    private static long[] watchReplacement(MultiProcessServer server, Set<Long> before, ProcessHandle victim, long killedAt) {
        long launched = -1;
        long deadline = killedAt + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (ProcessHandle w : server.workers()) {
                if (!before.contains(w.pid())) {
                    if (launched < 0) {
                        launched = (System.nanoTime() - killedAt) / 1_000_000;
                    }
                    if (server.listeningWorkers().stream().anyMatch(p -> p.pid() == w.pid())) {
                        return new long[] {launched, (System.nanoTime() - killedAt) / 1_000_000};
                    }
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new long[] {launched, -1};
    }

    @Test
    void hupReplacesEveryWorkerWithoutAFailedRequest() throws Exception {
        try (MultiProcessServer server = MultiProcessServer.start(WorkersMain.class, 2)) {
            Set<Long> old = new HashSet<>(server.workers().stream().map(ProcessHandle::pid).toList());
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicLong stopAt = new AtomicLong(Long.MAX_VALUE);
            List<CompletableFuture<Void>> clients = List.of(load(server, ok, failed, stopAt), load(server, ok, failed, stopAt));
            Thread.sleep(500);
            int beforeHup = ok.get();
            server.signalMaster("HUP");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                List<ProcessHandle> now = server.listeningWorkers();
                if (server.workers().size() == 2 && now.size() == 2 && now.stream().noneMatch(w -> old.contains(w.pid()))) {
                    break;
                }
                Thread.sleep(20);
            }
            Thread.sleep(500);
            stopAt.set(System.nanoTime());
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            Set<Long> after = new HashSet<>(server.workers().stream().map(ProcessHandle::pid).toList());
            System.out.printf("HUP under load: %d requests ok (%d before the HUP), %d failed; workers %s -> %s%n",
                    ok.get(), beforeHup, failed.get(), old, after);
            assertThat(failed.get()).isZero();
            assertThat(after).hasSize(2).doesNotContainAnyElementsOf(old);
            assertThat(ok.get()).isGreaterThan(beforeHup + 50);
        }
    }

    /** One keep-alive client sending requests back to back until {@code stopAt}. */
    private static CompletableFuture<Void> load(MultiProcessServer server, AtomicInteger ok, AtomicInteger failed,
            AtomicLong stopAt) {
        return CompletableFuture.runAsync(() -> {
            try (TestClient cli = server.client()) {
                while (System.nanoTime() < stopAt.get()) {
                    try {
                        if (cli.request("GET", "/pid").timeout(Duration.ofSeconds(10)).send().status() == 200) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        System.out.println("HUP load: request failed: " + e);
                    }
                }
            }
        });
    }

    @Test
    void termLetsTheSlowRequestFinishThenEveryProcessExitsZero() throws Exception {
        MultiProcessServer server = MultiProcessServer.start(WorkersMain.class, 2);
        try (TestClient cli = server.client()) {
            List<ProcessHandle> tree = server.aliveProcesses();
            assertThat(tree).hasSize(4);
            long started = System.nanoTime();
            CompletableFuture<Response> slow = CompletableFuture.supplyAsync(() -> cli.get("/slow?ms=2000"));
            Thread.sleep(500);
            server.signalMaster("TERM");
            Response r = slow.get(30, TimeUnit.SECONDS);
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).startsWith("slow done by ");
            int status = server.awaitExit(Duration.ofSeconds(60));
            for (ProcessHandle p : tree) {
                p.onExit().get(10, TimeUnit.SECONDS);
            }
            long exitedMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("TERM with a 2 s request in flight: 200 after %d ms, all 4 processes gone after %d ms,"
                    + " exit status %d%n", tookMillis, exitedMillis, status);
            assertThat(status).as(server.output()).isZero();
            assertThat(tree).noneMatch(ProcessHandle::isAlive);
        } finally {
            server.close();
        }
    }

    @Test
    void aWorkerOverTheCpuCriticalPointIsReplaced() throws Exception {
        try (MultiProcessServer server = MultiProcessServer.start(WorkersMain.class, 2, "--critical");
             TestClient cli = server.client()) {
            Set<Long> old = new HashSet<>(server.workers().stream().map(ProcessHandle::pid).toList());
            CompletableFuture<Response> spin = CompletableFuture.supplyAsync(() -> cli.get("/spin?ms=8000"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Set<Long> fresh = new HashSet<>();
            while (System.nanoTime() < deadline && fresh.isEmpty()) {
                server.listeningWorkers().stream().map(ProcessHandle::pid).filter(p -> !old.contains(p)).forEach(fresh::add);
                Thread.sleep(50);
            }
            assertThat(fresh).as("a new worker replaced the spinning one").hasSize(1);
            assertThat(spin.get(30, TimeUnit.SECONDS).status()).as("the spinning request still completes").isEqualTo(200);
            assertThat(server.awaitWorkers(2, READY)).hasSize(2);
        }
    }
}
