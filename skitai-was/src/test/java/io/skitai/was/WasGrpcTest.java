package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestKit;
import io.skitai.was.grpctest.GreeterService;
import io.skitai.was.grpctest.HelloReply;
import io.skitai.was.grpctest.HelloRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's example end to end: a route calls, through {@code was.grpc}, the gRPC service the
 * same engine serves on its own port, three calls in parallel.
 */
class WasGrpcTest {

    @Test
    void aRouteFansOutToTheEnginesOwnGrpcServiceInParallel() {
        SkitaiServer server = SkitaiServer.create();
        GrpcServing grpc = GrpcServing.on(0, new GreeterService("skitai"));
        server.attach(grpc);
        server.mount("/greet", exchange -> {
            Was was = Was.of(exchange);
            GrpcStub<Call> greeter = was.grpc("http://127.0.0.1:" + grpc.boundPort() + "/skitai.test.Greeter");
            List<Call> calls = List.of("Hans", "Ada", "Bo").stream()
                    .map(name -> greeter.call("SayHello",
                            HelloRequest.newBuilder().setName(name).setDelayMillis(300).build()))
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
    }
}
