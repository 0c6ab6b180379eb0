package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SidecarContext;
import io.skitai.core.SkitaiServer;
import io.skitai.core.StartupException;
import io.skitai.testkit.TestKit;
import io.skitai.was.grpctest.GreeterGrpc;
import io.skitai.was.grpctest.GreeterService;
import io.skitai.was.grpctest.HelloReply;
import io.skitai.was.grpctest.HelloRequest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine serving a gRPC service on its own port: calls, TLS, limits, busy port, graceful stop. */
class GrpcServingTest {

    @Test
    void servesAServiceBesideTheHttpEngineOnVirtualThreads() {
        ServerBuilder serverConfig = ServerBuilder.create();
        serverConfig.mount("/", ex -> ex.send("http here"));
        GrpcServing grpc = GrpcServing.on(0, new GreeterService("engine"));
        serverConfig.attach(grpc);
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        TestKit.serve(server, http -> {
            assertThat(http.get("/").text()).isEqualTo("http here");
            assertThat(grpc.boundPort()).isNotEqualTo(server.port()).isPositive();
            withChannel(plain(grpc.boundPort()), channel -> {
                HelloReply reply = GreeterGrpc.newBlockingStub(channel).sayHello(hello("Hans"));
                assertThat(reply.getMessage()).isEqualTo("Hello Hans from engine");
                assertThat(reply.getThread()).isEqualTo("virtual");
            });
        });
        assertThat(grpcThreads()).as("gRPC threads left after stop").isZero();
        assertThatThrownBy(grpc::boundPort).isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");
    }

    @Test
    void reportsABusyGrpcPortWithItsIdAndStartsNothing() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ServerBuilder serverConfig = ServerBuilder.create();
            serverConfig.mount("/", ex -> ex.send("x"));
            serverConfig.attach(GrpcServing.on(taken.getLocalPort(), new GreeterService()));
            SkitaiServer server = SkitaiServer.create(serverConfig.build());
            assertThatThrownBy(() -> server.start(TestKit.run()))
                    .isInstanceOf(StartupException.class)
                    .hasMessageStartingWith("SKITAI-C070 the gRPC port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
            assertThat(server.isRunning()).isFalse();
            assertThat(grpcThreads()).isZero();
        }
    }

    @Test
    void servesTlsWithTheEnginesCertificate(@TempDir Path dir) throws Exception {
        SelfSigned pem = SelfSigned.mint(dir);
        ServerBuilder serverConfig = ServerBuilder.create();
        serverConfig.mount("/", ex -> ex.send("x"));
        serverConfig.enableSsl(pem.certificate(), pem.key());
        GrpcServing grpc = GrpcServing.on(0, new GreeterService("tls"));
        serverConfig.attach(grpc);
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        server.start(TestKit.run());
        try {
            ManagedChannel trusted = NettyChannelBuilder.forAddress("localhost", grpc.boundPort(),
                    TlsChannelCredentials.newBuilder().trustManager(pem.certificate().toFile()).build()).build();
            withChannel(trusted, channel ->
                    assertThat(GreeterGrpc.newBlockingStub(channel).sayHello(hello("Ada")).getMessage())
                            .isEqualTo("Hello Ada from tls"));
            withChannel(plain(grpc.boundPort()), channel ->
                    assertThatThrownBy(() -> GreeterGrpc.newBlockingStub(channel)
                            .withDeadlineAfter(5, TimeUnit.SECONDS).sayHello(hello("plain")))
                            .isInstanceOf(StatusRuntimeException.class)
                            .satisfies(e -> assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.UNAVAILABLE)));
        } finally {
            server.stop();
        }
    }

    @Test
    void refusesMessagesOverTheInboundLimit() {
        ServerBuilder serverConfig = ServerBuilder.create();
        serverConfig.mount("/", ex -> ex.send("x"));
        GrpcServing grpc = GrpcServing.on(0, new GreeterService()).maxInboundMessageSize(1024);
        serverConfig.attach(grpc);
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        TestKit.serve(server, http -> withChannel(plain(grpc.boundPort()), channel -> {
            var stub = GreeterGrpc.newBlockingStub(channel);
            assertThat(stub.sayHello(hello("small")).getMessage()).startsWith("Hello small");
            HelloRequest big = HelloRequest.newBuilder().setName("x".repeat(2000)).build();
            assertThatThrownBy(() -> stub.sayHello(big))
                    .satisfies(e -> assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
        }));
    }

    @Test
    void gracefulStopFinishesTheCallInFlightAndRefusesNewOnes() throws Exception {
        ServerBuilder serverConfig = ServerBuilder.create();
        serverConfig.mount("/", ex -> ex.send("x"));
        GrpcServing grpc = GrpcServing.on(0, new GreeterService("draining"));
        serverConfig.attach(grpc);
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        server.start(TestKit.run());
        int port = grpc.boundPort();
        ManagedChannel channel = plain(port);
        try {
            var slow = GreeterGrpc.newFutureStub(channel)
                    .sayHello(HelloRequest.newBuilder().setName("slow").setDelayMillis(700).build());
            Thread.sleep(200); // the call is running on the server
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
            assertThat(slow.get(10, TimeUnit.SECONDS).getMessage()).isEqualTo("Hello slow from draining");
            stopping.get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> GreeterGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                    .sayHello(hello("late")))
                    .satisfies(e -> assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        } finally {
            close(channel);
            server.stop();
        }
        assertThat(grpcThreads()).isZero();
    }

    @Test
    void aBoundedStopCancelsCallsThatOutliveTheGrace() throws Exception {
        GrpcServing grpc = GrpcServing.on(0, new GreeterService());
        int port = grpc.start(new SidecarContext("127.0.0.1", Optional.empty(), List.of("TLSv1.3"), Duration.ofSeconds(10),
                Duration.ofSeconds(30), 100, 32 * 1024));
        ManagedChannel channel = plain(port);
        try {
            var stuck = GreeterGrpc.newFutureStub(channel)
                    .sayHello(HelloRequest.newBuilder().setName("stuck").setDelayMillis(20_000).build());
            Thread.sleep(200);
            long started = System.nanoTime();
            grpc.stop(Duration.ofMillis(300));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThatThrownBy(() -> stuck.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .satisfies(e -> assertThat(Status.fromThrowable(e.getCause()).getCode())
                            .isIn(Status.Code.UNAVAILABLE, Status.Code.CANCELLED));
        } finally {
            close(channel);
        }
        assertThat(grpcThreads()).isZero();
    }

    @Test
    void validatesItsConfiguration() {
        GrpcServing grpc = GrpcServing.on(0, new GreeterService());
        assertThat(grpc.name()).isEqualTo("gRPC");
        assertThat(grpc.serviceNames()).containsExactly("skitai.test.Greeter");
        assertThatThrownBy(() -> grpc.add(new GreeterService())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("skitai.test.Greeter is added twice");
        assertThatThrownBy(() -> GrpcServing.on(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> grpc.maxConcurrentCallsPerConnection(0)).isInstanceOf(IllegalArgumentException.class);
        ServerBuilder serverConfig = ServerBuilder.create();
        serverConfig.mount("/", ex -> ex.send("x"));
        serverConfig.attach(GrpcServing.on(0));
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        assertThatThrownBy(() -> server.start(TestKit.run())).isInstanceOf(StartupException.class)
                .hasMessageStartingWith("SKITAI-C072 the gRPC server failed to start: GrpcServing on port 0 has no services");
        assertThat(server.isRunning()).isFalse();
    }

    // ---- helpers ----------------------------------------------------------------------------

    static HelloRequest hello(String name) {
        return HelloRequest.newBuilder().setName(name).build();
    }

    static ManagedChannel plain(int port) {
        return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    interface ChannelTest {
        void run(ManagedChannel channel) throws Exception;
    }

    static void withChannel(ManagedChannel channel, ChannelTest test) throws Exception {
        try {
            test.run(channel);
        } finally {
            close(channel);
        }
    }

    static void close(ManagedChannel channel) throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Live threads of Skitai's gRPC servers. */
    static long grpcThreads() {
        return threads("skitai-grpc-server");
    }

    /** Live threads whose name starts with {@code prefix}, once those stopping have had 5 s to end. */
    static long threads(String prefix) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long count;
        do {
            count = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
            if (count == 0) {
                return 0;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return count;
            }
        } while (System.nanoTime() < deadline);
        return count;
    }
}
