package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skitai.atila.apps.StateMain;
import io.skitai.testkit.MultiProcessServer;
import io.skitai.testkit.TestResponse;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.EmbeddedRedis;
import io.skitai.testkit.TestKit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * was.setgs/getgs, setlu/getlu and getLock across two worker JVMs: once on the memory-mapped file,
 * once on a real Redis server (the binary the embedded-redis artifact ships).
 */
@EnabledOnOs(OS.LINUX)
class SharedStateTest {

    @RegisterExtension
    static final EmbeddedRedis REDIS = new EmbeddedRedis();

    @Test
    void onTheMappedFile() {
        sharedAcrossWorkers();
    }

    @Test
    void onRedis() {
        sharedAcrossWorkers("--redis=" + REDIS.uri(0));
    }

    private void sharedAcrossWorkers(String... args) {
        try (MultiProcessServer server = MultiProcessServer.start(StateMain.class, 2, args);
             TestClient cli = server.client()) {
            List<Long> pids = server.workers().stream().map(ProcessHandle::pid).toList();
            try (TestClient a = pinnedTo(server, pids.get(0)); TestClient b = pinnedTo(server, pids.get(1))) {
                assertThat(call(a, pids.get(0), "/setgs/nodes/42").get("value").asLong()).isEqualTo(42);
                assertThat(call(b, pids.get(1), "/getgs/nodes").get("value").asLong())
                        .as("setgs through one worker, read through the other").isEqualTo(42);

                long before = call(b, pids.get(1), "/getlu?keys=users,photos").get("time").asLong();
                long set = call(a, pids.get(0), "/setlu/users").get("time").asLong();
                assertThat(set).isGreaterThan(before);
                assertThat(call(b, pids.get(1), "/getlu?keys=users,photos").get("time").asLong())
                        .as("setlu through one worker, getlu through the other: the newer time").isEqualTo(set);
                long again = call(b, pids.get(1), "/setlu/photos").get("time").asLong();
                assertThat(again).isGreaterThan(set);
                assertThat(call(a, pids.get(0), "/getlu?keys=users,photos").get("time").asLong()).isEqualTo(again);
                assertThat(call(a, pids.get(0), "/getlu?keys=users").get("time").asLong()).isEqualTo(set);

                assertThat(call(a, pids.get(0), "/changes").get("changes")).extracting(JsonNode::asText)
                        .as("model-changed:users reaches the apps of the worker that set it")
                        .containsExactly("users at /setlu/users");
                assertThat(call(b, pids.get(1), "/changes").get("changes")).isEmpty();

                assertThat(call(b, pids.get(1), "/undeclared").get("error").asText())
                        .startsWith("SKITAI-C061 'nodez' is not a declared global-state key").contains("[nodes, counter]");
            }
            lockExcludesTheOtherWorker(server);

            JsonNode status = cli.get("/status").json();
            List<String> states = new java.util.ArrayList<>();
            status.get("workers").forEach(w -> states.add(w.get("state").asText()));
            assertThat(states).as("two serving workers, and the master's spare once booted").filteredOn("serving"::equals)
                    .hasSize(2);
            assertThat(states).filteredOn(st -> !st.equals("serving")).allMatch("spare"::equals);
            assertThat(status.get("masterPid").asLong()).isEqualTo(server.master().orElseThrow().pid());
            assertThat(cli.get("/status.html").text()).contains("<h1>state status</h1>").contains("worker");
        }
    }

    /** 40 read-wait-write increments from 4 clients on fresh connections (so both workers serve them). */
    private static void lockExcludesTheOtherWorker(MultiProcessServer server) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (TestClient cli = server.client()) {
            List<CompletableFuture<Long>> calls = IntStream.range(0, 40)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        TestResponse r = cli.request("GET", "/increment").header("Connection", "close").send();
                        assertThat(r.status()).isEqualTo(200);
                        return r.json().get("pid").asLong();
                    }, pool))
                    .toList();
            List<Long> servedBy = calls.stream().map(CompletableFuture::join).toList();
            assertThat(new java.util.HashSet<>(servedBy)).as("both workers took part").hasSize(2);
            assertThat(cli.get("/getgs/counter").json().get("value").asLong()).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A client whose keep-alive connection ends at worker {@code pid} (new clients land on either worker). */
    private static TestClient pinnedTo(MultiProcessServer server, long pid) {
        for (int i = 0; i < 400; i++) {
            TestClient cli = server.client();
            if (cli.get("/changes").json().get("pid").asLong() == pid) {
                return cli;
            }
            cli.close();
        }
        throw new AssertionError("no connection reached worker " + pid);
    }

    /** A request on a pinned client; checks the worker that answered. */
    private static JsonNode call(TestClient pinned, long pid, String path) {
        TestResponse r = pinned.get(path);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("pid").asLong()).as("answered by worker " + pid).isEqualTo(pid);
        return body;
    }
}
