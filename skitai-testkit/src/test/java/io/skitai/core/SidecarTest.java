package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sidecars (servers of other protocols beside the engine): when they start and stop, and startup errors. */
class SidecarTest {

    /** A sidecar that listens on a real socket (accepting nothing) and records what the engine asks of it. */
    static final class Listening implements Sidecar {

        final String name;
        final int port;
        final List<String> events;
        volatile ServerSocket socket;
        volatile SidecarContext context;

        Listening(String name, int port, List<String> events) {
            this.name = name;
            this.port = port;
            this.events = events;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public int start(SidecarContext given) throws IOException {
            context = given;
            socket = new ServerSocket(port, 50, InetAddress.getByName(given.address()));
            events.add(name + " start");
            return socket.getLocalPort();
        }

        @Override
        public void stopAccepting() {
            events.add(name + " stopAccepting");
        }

        @Override
        public void stop(Duration grace) {
            events.add(name + " stop " + (grace.isZero() ? "now" : "with grace"));
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing a listening socket of a test
            }
        }
    }

    @Test
    void sidecarsStartAfterTheHttpListenerAndStopAfterItsDrain() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch entered = new CountDownLatch(1);
        ServerBuilder serverConfig = ServerBuilder.create();
        serverConfig.mount("/slow", ex -> {
            entered.countDown();
            Thread.sleep(500);
            events.add("http request finished");
            ex.send("done");
        });
        Listening a = new Listening("a", 0, events);
        Listening b = new Listening("b", 0, events);
        serverConfig.attach(a).attach(b);
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        server.start(TestKit.run());
        try {
            assertThat(events).containsExactly("a start", "b start");
            assertThat(a.socket.getLocalPort()).isPositive().isNotEqualTo(server.port());
            assertThat(a.context.address()).isEqualTo("127.0.0.1");
            assertThat(a.context.keyManagers()).isEmpty();
            assertThat(a.context.maxConcurrentStreams()).isEqualTo(100);
            assertThat(a.context.handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
            TestClient cli = TestClient.of("http://127.0.0.1:" + server.port());
            CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() -> cli.get("/slow").text());
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            server.stop();
            assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo("done");
        } finally {
            server.stop();
        }
        assertThat(events).containsExactly("a start", "b start", "a stopAccepting", "b stopAccepting",
                "http request finished", "b stop with grace", "a stop with grace");
        assertThat(a.socket.isClosed()).isTrue();
    }

    @Test
    void aBusySidecarPortFailsTheStartAndStopsTheSidecarsStartedBefore() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ServerBuilder serverConfig = ServerBuilder.create();
            serverConfig.mount("/", ex -> ex.send("x"));
            Listening first = new Listening("first", 0, events);
            serverConfig.attach(first).attach(new Listening("second", taken.getLocalPort(), events));
            SkitaiServer server = SkitaiServer.create(serverConfig.build());
            assertThatThrownBy(() -> server.start(TestKit.run()))
                    .isInstanceOf(StartupException.class)
                    .hasMessage("SKITAI-C070 the second port " + taken.getLocalPort() + " on 127.0.0.1 is already in use:"
                            + " stop the other server or give the second server another port");
            assertThat(server.isRunning()).isFalse();
            assertThat(events).containsExactly("first start", "second stop now", "first stop now");
            assertThat(first.socket.isClosed()).isTrue();
        }
    }

    @Test
    void aBusyHttpPortStartsNoSidecar() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ServerBuilder serverConfig = ServerBuilder.create();
            serverConfig.mount("/", ex -> ex.send("x"));
            serverConfig.attach(new Listening("side", 0, events));
            SkitaiServer server = SkitaiServer.create(serverConfig.build());
            assertThatThrownBy(() -> server.start(TestKit.run().withPort(taken.getLocalPort())))
                    .isInstanceOf(StartupException.class).hasMessageStartingWith("SKITAI-C001");
            assertThat(events).isEmpty();
        }
    }

    @Test
    void aSidecarIsAttachedOnceAndBeforeStart() {
        ServerBuilder serverConfig = ServerBuilder.create();
        Listening side = new Listening("side", 0, new CopyOnWriteArrayList<>());
        serverConfig.attach(side);
        assertThatThrownBy(() -> serverConfig.attach(side)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already attached");
        assertThatThrownBy(() -> serverConfig.attach(null)).isInstanceOf(IllegalArgumentException.class);
        serverConfig.mount("/", ex -> ex.send("x"));
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        TestKit.serve(server, cli -> assertThatThrownBy(() -> serverConfig.attach(new Listening("late", 0, List.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("SKITAI-C022 attach"));
    }
}
