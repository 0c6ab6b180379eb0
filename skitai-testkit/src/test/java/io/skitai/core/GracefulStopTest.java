package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.testkit.TestClient;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulStopTest {

    @Test
    void stopClosesTheListenerThenLetsInFlightRequestsFinish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        ServerBuilder serverConfig = ServerBuilder.create();
        serverConfig.mount("/slow", ex -> {
            entered.countDown();
            Thread.sleep(1000);
            ex.send("finished");
        });
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        server.start(Run.port(0));
        int port = server.port();
        TestClient cli = TestClient.of("http://127.0.0.1:" + port);
        try {
            CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() -> cli.get("/slow").text());
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            server.stop();
            assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo("finished");
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                }
            }).isInstanceOf(ConnectException.class);
        } finally {
            server.stop();
        }
    }
}
