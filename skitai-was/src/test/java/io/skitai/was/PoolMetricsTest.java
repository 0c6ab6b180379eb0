package io.skitai.was;

import static io.skitai.was.Gauges.await;
import static io.skitai.was.Gauges.awaitPool;
import static io.skitai.was.Gauges.poolMeters;
import static io.skitai.was.Gauges.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skitai.core.Metrics;
import io.skitai.core.Proto;
import io.skitai.core.ServerBuilder;
import io.skitai.core.UpstreamClient;
import io.skitai.testkit.TestKit;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The gauges of the upstream client's HTTP pools on a real server calling a real upstream that holds
 * its answers until the test lets them go: connections carrying a request, idle, calls waiting for
 * one; gone from the registry when the pool retires or the server stops.
 */
class PoolMetricsTest {

    /** An upstream whose answers wait for {@code release}. */
    private static RawUpstream held(CountDownLatch release) {
        return RawUpstream.blocking(ex -> {
            release.await(60, TimeUnit.SECONDS);
            RawUpstream.send(ex, 200, "text/plain", "answer " + ex.getRequestPath());
        });
    }

    /** A server with metrics into {@code registry}, one connection per upstream, calling {@code @held} twice at once. */
    private static ServerBuilder twoCalls(SimpleMeterRegistry registry, RawUpstream upstream) {
        ServerBuilder server = ServerBuilder.create().set(Metrics.SETTING, Metrics.of(registry))
                .set(UpstreamClient.MAX_CONNECTIONS, 1);
        server.alias("@held", Proto.HTTP, upstream.member());
        server.mount("/", ex -> {
            Was was = Was.current();
            Call a = was.get("@held/a");
            Call b = was.get("@held/b");
            ex.json(List.of(a.dispatch(60).text(), b.dispatch(60).text()));
        });
        return server;
    }

    @Test
    void aCallWaitingForTheOnlyConnectionIsPendingAndTheConnectionGoesIdleAfter() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CountDownLatch release = new CountDownLatch(1);
        try (RawUpstream upstream = held(release)) {
            String pool = upstream.member();
            TestKit.serve(twoCalls(registry, upstream), cli -> {
                CompletableFuture<List<String>> answers = CompletableFuture.supplyAsync(() -> cli.get("/").data());
                try {
                    awaitPool("one call on the connection, none idle, one waiting for it", registry, "http", pool, 1, 0, 1);
                } finally {
                    release.countDown();
                }
                assertThat(answers.get(60, TimeUnit.SECONDS)).containsExactly("answer /a", "answer /b");
                awaitPool("the connection back in the pool, idle", registry, "http", pool, 0, 1, 0);
            });
            assertThat(poolMeters(registry, "pool", pool)).as("the server stopped: its pools' gauges are gone").isEmpty();
        }
    }

    @Test
    void aRetiredPoolLeavesNoSeries() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CountDownLatch release = new CountDownLatch(1);
        try (RawUpstream upstream = held(release)) {
            String pool = upstream.member();
            ServerBuilder server = twoCalls(registry, upstream).setBackendKeepAlive(Duration.ofMillis(200));
            TestKit.serve(server, cli -> {
                CompletableFuture<List<String>> answers = CompletableFuture.supplyAsync(() -> cli.get("/").data());
                try {
                    await("the pool's gauges while it serves", () ->
                            value(registry, "skitai.pool.connections", "kind", "http", "pool", pool, "state", "active") == 1);
                    assertThat(poolMeters(registry, "pool", pool)).hasSize(3);
                } finally {
                    release.countDown();
                }
                assertThat(answers.get(60, TimeUnit.SECONDS)).hasSize(2);
                // Idle past the keep-alive, the connection closes; the pool, left with nothing, retires.
                await("the retired pool's gauges removed", () -> poolMeters(registry, "pool", pool).isEmpty());
            });
        }
    }
}
