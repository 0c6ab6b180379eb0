package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.skitai.core.Proto;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestKit;
import io.skitai.was.grpctest.GreeterService;
import io.skitai.was.grpctest.HelloReply;
import io.skitai.was.grpctest.HelloRequest;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code was.grpc} from routes of a running server: the engine's own gRPC service called three
 * times in parallel, aliases with lb fail-over and map, transaction ids as metadata, and the
 * channels closed when the server stops.
 */
class WasGrpcTest {

    private static HelloRequest hello(String name, int delayMillis) {
        return HelloRequest.newBuilder().setName(name).setDelayMillis(delayMillis).build();
    }

    @Test
    void aRouteFansOutToTheEnginesOwnGrpcServiceInParallel() {
        ServerBuilder server = ServerBuilder.create();
        GrpcServing grpc = GrpcServing.on(0, new GreeterService("skitai"));
        server.attach(grpc);
        server.mount("/greet", exchange -> {
            Was was = Was.of(exchange);
            GrpcStub<Call> greeter = was.grpc("http://127.0.0.1:" + grpc.boundPort() + "/skitai.test.Greeter");
            List<Call> calls = List.of("Hans", "Ada", "Bo").stream()
                    .map(name -> greeter.call("SayHello", hello(name, 300)))
                    .toList();
            StringBuilder out = new StringBuilder();
            for (Call call : calls) {
                out.append(((HelloReply) call.dataOrThrow(5)).getMessage()).append('\n');
            }
            exchange.send(out.toString());
        });
        TestKit.serve(server, http -> {
            http.get("/greet"); // the first call opens the channel
            long started = System.nanoTime();
            var response = http.get("/greet");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("Hello Hans from skitai\nHello Ada from skitai\nHello Bo from skitai\n");
            assertThat(took).as("three 300 ms calls in parallel").isLessThan(Duration.ofMillis(850));
        });
        assertThat(GrpcServingTest.threads("skitai-grpc-client")).as("client channels closed with the server").isZero();
    }

    @Test
    void aliasesBalanceWithFailOverMapToEveryMemberAndCarryTransactionIds() throws Exception {
        GreeterService one = new GreeterService("one");
        GreeterService two = new GreeterService("two");
        Server first = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(one.intercepted())
                .build().start();
        Server second = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(two.intercepted())
                .build().start();
        int down = TestKit.freePort();
        try {
            ServerBuilder server = ServerBuilder.create();
            server.alias("@greeters", Proto.HTTP, "127.0.0.1:" + first.getPort(), "127.0.0.1:" + second.getPort());
            server.alias("@flaky", Proto.HTTP, "127.0.0.1:" + down, "127.0.0.1:" + second.getPort());
            server.mount("/map", exchange -> {
                Results all = Was.of(exchange).map().grpc("@greeters/skitai.test.Greeter")
                        .call("SayHello", hello("all", 0)).dispatch(5);
                exchange.send(all.data().stream().map(m -> ((HelloReply) m).getMessage()).toList().toString());
            });
            server.mount("/lb", exchange -> {
                Result r = Was.of(exchange).lb().grpc("@flaky/skitai.test.Greeter").call("SayHello", hello("lb", 0))
                        .dispatch(5);
                exchange.send(r.status() + " " + ((HelloReply) r.data()).getMessage());
            });
            TestKit.serve(server, http -> {
                assertThat(http.get("/map").text()).isEqualTo("[Hello all from one, Hello all from two]");
                assertThat(one.lastMetadata()).containsKeys("x-gtxid", "x-ltxid");
                assertThat(one.lastMetadata().get("x-gtxid")).isEqualTo(two.lastMetadata().get("x-gtxid"));
                for (int i = 0; i < 4; i++) {
                    assertThat(http.get("/lb").text()).isEqualTo("3 Hello lb from two");
                }
            });
            assertThat(GrpcServingTest.threads("skitai-grpc-client")).isZero();
        } finally {
            first.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            second.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
