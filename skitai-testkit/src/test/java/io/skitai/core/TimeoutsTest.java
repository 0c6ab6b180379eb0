package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.RawConnection;
import io.skitai.testkit.TestKit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeoutsTest {

    private static ServerBuilder server(Duration request, Duration keepAlive) {
        ServerBuilder server = ServerBuilder.create();
        server.setRequestTimeout(request).setKeepAlive(keepAlive);
        server.mount("/", ex -> ex.send("got " + ex.body().length));
        return server;
    }

    @Test
    void aClientThatStallsMidBodyIsCutOff() throws Exception {
        TestKit.serve(server(Duration.ofSeconds(1), Duration.ofSeconds(30)), cli -> {
            try (RawConnection raw = cli.raw()) {
                raw.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nonly a part");
                long start = System.nanoTime();
                assertThat(raw.isClosedByPeer(Duration.ofSeconds(6))).isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            }
        });
    }

    @Test
    void aBodyThatDribblesInBelowTheMinimumRateIsRefusedWith408() throws Exception {
        ServerBuilder serverConfig = server(Duration.ofSeconds(30), Duration.ofSeconds(30));
        serverConfig.setHeaderTimeout(Duration.ofSeconds(1)).setMinBodyRate(100);
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        TestKit.serve(server, cli -> {
            try (RawConnection raw = cli.raw()) {
                raw.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\n");
                for (int i = 0; i < 15 && raw.trySend("x".getBytes()); i++) {
                    Thread.sleep(100);
                }
                assertThat(raw.readResponse(Duration.ofSeconds(5)).status()).isEqualTo(408);
            }
        });
    }

    @Test
    void aClientThatStallsMidHeadersIsCutOff() throws Exception {
        TestKit.serve(server(Duration.ofSeconds(1), Duration.ofSeconds(30)), cli -> {
            try (RawConnection raw = cli.raw()) {
                raw.send("GET / HTTP/1.1\r\nHost: t\r\n");
                assertThat(raw.isClosedByPeer(Duration.ofSeconds(5))).isTrue();
            }
        });
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterTheKeepAliveTimeout() throws Exception {
        TestKit.serve(server(Duration.ofSeconds(30), Duration.ofSeconds(1)), cli -> {
            try (RawConnection raw = cli.raw()) {
                raw.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
                assertThat(raw.readResponse(Duration.ofSeconds(5)).status()).isEqualTo(200);
                assertThat(raw.isClosedByPeer(Duration.ofSeconds(5))).isTrue();
            }
        });
    }

    @Test
    void aKeepAliveConnectionServesSeveralRequestsWithinTheTimeout() throws Exception {
        TestKit.serve(server(Duration.ofSeconds(30), Duration.ofSeconds(30)), cli -> {
            try (RawConnection raw = cli.raw()) {
                for (int i = 0; i < 3; i++) {
                    raw.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc");
                    assertThat(raw.readResponse(Duration.ofSeconds(5)).text()).isEqualTo("got 3");
                }
            }
        });
    }
}
