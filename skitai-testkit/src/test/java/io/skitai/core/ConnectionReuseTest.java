package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.RawConnection;
import io.skitai.testkit.TestKit;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A keep-alive connection's reads while a request runs on a handler thread: suspended only in
 * name until bytes arrive (LazyReadSuspension), so the cases where they do arrive are shown here.
 */
class ConnectionReuseTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ServerBuilder server(CountDownLatch running, CountDownLatch release) {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/slow", ex -> {
            running.countDown();
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            ex.send("slow done");
        });
        config.mount("/fast", ex -> ex.send("fast"));
        return config;
    }

    @Test
    void aRequestArrivingWhileTheOneBeforeRunsIsServedAfterIt() {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestKit.serve(server(running, release), cli -> {
            try (RawConnection raw = cli.raw()) {
                raw.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
                assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
                raw.send("GET /fast HTTP/1.1\r\nHost: t\r\n\r\n"); // arrives while /slow runs
                release.countDown();
                assertThat(raw.readResponse(WAIT).text()).isEqualTo("slow done");
                assertThat(raw.readResponse(WAIT).text()).isEqualTo("fast");
                for (int i = 0; i < 3; i++) { // and the connection goes on as usual
                    raw.send("GET /fast HTTP/1.1\r\nHost: t\r\n\r\n");
                    assertThat(raw.readResponse(WAIT).text()).isEqualTo("fast");
                }
            }
        });
    }

    @Test
    void aClientThatHalfClosesWhileItsRequestRunsGetsTheResponseThenTheClose() {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestKit.serve(server(running, release), cli -> {
            try (RawConnection raw = cli.raw()) {
                raw.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
                assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
                raw.shutdownOutput();
                release.countDown();
                assertThat(raw.readResponse(WAIT).text()).isEqualTo("slow done");
                assertThat(raw.isClosedByPeer(WAIT)).isTrue();
            }
        });
    }

    @Test
    void manySequentialRequestsOnOneConnection() {
        TestKit.serve(server(new CountDownLatch(0), new CountDownLatch(0)), cli -> {
            try (RawConnection raw = cli.raw()) {
                for (int i = 0; i < 200; i++) {
                    raw.send("GET /fast HTTP/1.1\r\nHost: t\r\n\r\n");
                    assertThat(raw.readResponse(WAIT).text()).isEqualTo("fast");
                }
            }
        });
    }
}
