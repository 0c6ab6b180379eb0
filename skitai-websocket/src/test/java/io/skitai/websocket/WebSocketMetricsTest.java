package io.skitai.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skitai.core.Metrics;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestWebSocket;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Websocket meters on a real server with the JDK's websocket client: open sessions per mount point,
 * back to 0 once the clients close, and the messages each way per mount.
 */
class WebSocketMetricsTest {

    private static double sessions(SimpleMeterRegistry registry, String mount) {
        Gauge g = registry.find("skitai.websocket.sessions").tags("mount", mount).gauge();
        return g == null ? -1 : g.value();
    }

    private static double messages(SimpleMeterRegistry registry, String mount, String direction) {
        Counter c = registry.find("skitai.websocket.messages").tags("mount", mount, "direction", direction).counter();
        return c == null ? -1 : c.count();
    }

    /** Waits until {@code condition} holds, failing with {@code what} after a generous 30 s. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void sessionsAndMessagesAreCountedPerMount() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ServerBuilder config = ServerBuilder.create().set(Metrics.SETTING, Metrics.of(registry));
        config.mount("/echo", WebSocket.route(WsConfig.of(WsSpec.SIMPLE), (client, message) -> "ECHO:" + message));
        config.mount("/quiet", WebSocket.route(WsConfig.of(WsSpec.SIMPLE), (client, message) -> null));
        TestKit.serve(config, cli -> {
            try (TestWebSocket a = cli.ws("/echo"); TestWebSocket b = cli.ws("/echo"); TestWebSocket q = cli.ws("/quiet")) {
                a.send("one").send("two");
                b.send("three");
                q.send("unanswered");
                assertThat(a.next()).isEqualTo("ECHO:one");
                assertThat(a.next()).isEqualTo("ECHO:two");
                assertThat(b.next()).isEqualTo("ECHO:three");
                await("two sessions on /echo, one on /quiet", () -> sessions(registry, "/echo") == 2
                        && sessions(registry, "/quiet") == 1);
                await("the unanswered message counted in", () -> messages(registry, "/quiet", "in") == 1);
                assertThat(messages(registry, "/echo", "in")).isEqualTo(3);
                assertThat(messages(registry, "/echo", "out")).as("sent before the client got them").isEqualTo(3);
                assertThat(messages(registry, "/quiet", "out")).as("nothing sent on /quiet").isZero();
                b.close();
                await("the closed session gone from /echo", () -> sessions(registry, "/echo") == 1);
            }
            await("every session closed", () -> sessions(registry, "/echo") == 0 && sessions(registry, "/quiet") == 0);
        });
        assertThat(registry.find("skitai.websocket.sessions").gauges()).as("the server stopped: its gauges are gone").isEmpty();
        assertThat(messages(registry, "/echo", "in")).as("the counters stay").isEqualTo(3);
    }
}
