package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.SkitaiTest;
import io.skitai.testkit.TestClient;
import io.skitai.was.apps.KeepAliveMain;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code setBackendKeepAlive(1)} takes effect: the upstream is a raw Undertow server that records
 * the client port of every request, when each connection last served a request and when it closed.
 * Calls within the keep-alive share one connection (even back to back: the connection is back in
 * the pool before the answer is handed over); the client closes it once idle for 1 s (its sweep
 * runs every 250 ms), and the next call reconnects.
 */
@SkitaiTest(app = KeepAliveMain.class)
class BackendKeepAliveTest {

    private static RawUpstream upstream;
    /** Client ports in the order their connections were accepted. */
    private static final List<Integer> accepted = new CopyOnWriteArrayList<>();
    private static final Map<Integer, Long> lastRequestNanos = new ConcurrentHashMap<>();
    private static final Map<Integer, Long> closedNanos = new ConcurrentHashMap<>();

    @BeforeAll
    static void startUpstream() {
        upstream = RawUpstream.start(ex -> {
            int port = ex.getSourceAddress().getPort();
            if (!accepted.contains(port)) {
                accepted.add(port);
                ex.getConnection().addCloseListener(c -> closedNanos.put(port, System.nanoTime()));
            }
            RawUpstream.send(ex, 200, "text/plain", String.valueOf(port));
            lastRequestNanos.put(port, System.nanoTime());
        });
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    /** The client ports the upstream saw for {@code n} calls the child makes {@code pauseMillis} apart. */
    private static List<Integer> calls(TestClient cli, int n, long pauseMillis) {
        Map<String, Object> r = cli.get("/call?port=" + upstream.port() + "&n=" + n + "&pause=" + pauseMillis).data();
        @SuppressWarnings("unchecked")
        List<String> answers = (List<String>) r.get("answers");
        return answers.stream().map(Integer::valueOf).toList();
    }

    @Test
    void reusesTheConnectionWithinTheKeepAliveAndReconnectsAfterIt() throws InterruptedException {
        List<Integer> quick = calls(cli, 3, 0);
        int first = quick.get(0);
        assertThat(quick).as("calls within the keep-alive reuse the first connection").containsOnly(first);
        assertThat(accepted).containsExactly(first);

        long waitStart = System.nanoTime();
        while (!closedNanos.containsKey(first) && System.nanoTime() - waitStart < 8_000_000_000L) {
            Thread.sleep(20);
        }
        assertThat(closedNanos).as("the idle connection is closed after the 1 s keep-alive").containsKey(first);
        long idleMillis = (closedNanos.get(first) - lastRequestNanos.get(first)) / 1_000_000;
        assertThat(idleMillis).as("closed after at least the 1 s keep-alive, not before").isGreaterThanOrEqualTo(1_000L);

        int later = calls(cli, 1, 0).get(0);
        assertThat(later).as("a call after the keep-alive opens a new connection").isNotEqualTo(first);
        assertThat(accepted).containsExactly(first, later);
    }

    private final TestClient cli;

    BackendKeepAliveTest(TestClient cli) {
        this.cli = cli;
    }
}
