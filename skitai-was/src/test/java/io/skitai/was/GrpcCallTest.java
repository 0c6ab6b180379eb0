package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.skitai.testkit.TestKit;
import io.skitai.was.grpctest.GreeterGrpc;
import io.skitai.was.grpctest.GreeterService;
import io.skitai.was.grpctest.HelloReply;
import io.skitai.was.grpctest.HelloRequest;
import io.skitai.was.internal.GrpcChannels;
import io.skitai.was.internal.GrpcEndpoint;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code was.grpc} calls against a real grpc-netty-shaded server started here: replies, streams,
 * error statuses, deadlines, refused connections, cancellation, parallel dispatch, pooling.
 */
class GrpcCallTest {

    private static final String POOL = "grpc-call-test";

    private final GreeterService greeter = new GreeterService("upstream");
    private Server upstream;
    private GrpcChannels channels;
    private String url;

    @BeforeEach
    void startUpstream() throws Exception {
        upstream = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(greeter.intercepted()).build().start();
        url = "http://127.0.0.1:" + upstream.getPort() + "/skitai.test.Greeter";
        channels = new GrpcChannels(POOL, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopUpstream() throws Exception {
        channels.close();
        upstream.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private GrpcStub<Call> stub(String target) {
        return GrpcEndpoint.of(UrlCaller.INSTANCE, channels, target);
    }

    private static HelloRequest.Builder hello(String name) {
        return HelloRequest.newBuilder().setName(name);
    }

    @Test
    void aUnaryCallReturnsTheReplyAsData() {
        Result r = stub(url).call(GreeterGrpc.getSayHelloMethod(), hello("Hans").build()).dispatch(5);
        assertThat(r.status()).isEqualTo(Result.NORMAL);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.isSuccess()).isTrue();
        assertThat(r.data()).isInstanceOf(HelloReply.class);
        assertThat(((HelloReply) r.data()).getMessage()).isEqualTo("Hello Hans from upstream");
        assertThat(r.header("content-type")).contains("application/grpc");
        assertThat(r.header("grpc-status")).contains("0");
        assertThat(r.content()).isEqualTo(((HelloReply) r.data()).toByteArray());
    }

    @Test
    void callsAMethodByNameAsPythonDoes() throws Exception {
        Call call = stub(url).call("SayHello", hello("Ada").build());
        assertThat(((HelloReply) call.dataOrThrow(5)).getMessage()).isEqualTo("Hello Ada from upstream");
        assertThat(((HelloReply) stub(url).call("SayHello", hello("Bo").build(), 5.0).dataOrThrow(5)).getMessage())
                .isEqualTo("Hello Bo from upstream");
    }

    @Test
    void aServerStreamIsAListOfReplies() {
        Result r = stub(url).call(GreeterGrpc.getCountMethod(), hello("n").setCount(3).build()).dispatch(5);
        assertThat(r.status()).isEqualTo(Result.NORMAL);
        assertThat(r.data()).asList().extracting(m -> ((HelloReply) m).getMessage()).containsExactly("1:n", "2:n", "3:n");
    }

    @Test
    void aGrpcErrorStatusIsAnExceptionCarryingCodeAndDescription() {
        Result r = stub(url).call(GreeterGrpc.getSayHelloMethod(), hello("ghost").setFailCode(5).build()).dispatch(5);
        assertThat(r.status()).isEqualTo(Result.EXCEPTION);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.reason()).isEqualTo("gRPC NOT_FOUND: asked to fail for ghost");
        assertThat(r.header("grpc-status")).contains("5");
        assertThat(r.header("grpc-message")).contains("asked to fail for ghost");
        GrpcFault fault = (GrpcFault) r.exception().orElseThrow();
        assertThat(fault.code()).isEqualTo(5);
        assertThat(fault.codeName()).isEqualTo("NOT_FOUND");
        assertThat(fault.description()).isEqualTo("asked to fail for ghost");
        assertThat(Status.fromThrowable(fault.getCause()).getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThatThrownBy(() -> stub(url).call(GreeterGrpc.getSayHelloMethod(), hello("x").setFailCode(13).build())
                .dataOrThrow(5))
                .isInstanceOf(io.skitai.core.HttpError.class).hasMessageContaining("Bad Gateway");
        Result internal = stub(url).call(GreeterGrpc.getSayHelloMethod(), hello("x").setFailCode(13).build()).dispatch(5);
        assertThat(internal.statusCode()).isEqualTo(500);
    }

    @Test
    void aPassedDeadlineIsATimeout() {
        long started = System.nanoTime();
        Result r = stub(url).call(GreeterGrpc.getSayHelloMethod(), hello("slow").setDelayMillis(3000).build(),
                Duration.ofMillis(200)).dispatch(10);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(r.status()).isEqualTo(Result.TIMEOUT);
        assertThat(r.reason()).contains("200 ms");
    }

    @Test
    void aDispatchTimeoutIsATimeoutAndCancelsTheCallOnTheServer() throws Exception {
        Call call = stub(url).call(GreeterGrpc.getSayHelloMethod(), hello("slow").setDelayMillis(3000).build());
        long started = System.nanoTime();
        Result r = call.dispatch(0.3);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(r.status()).isEqualTo(Result.TIMEOUT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (greeter.cancelled() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(greeter.cancelled()).as("calls the server saw cancelled").isEqualTo(1);
    }

    @Test
    void aRefusedConnectionIsAnExceptionWithoutStatusCode() {
        int closed = TestKit.freePort();
        Result r = stub("http://127.0.0.1:" + closed + "/skitai.test.Greeter")
                .call(GreeterGrpc.getSayHelloMethod(), hello("nobody").build()).dispatch(5);
        assertThat(r.status()).isEqualTo(Result.EXCEPTION);
        assertThat(r.statusCode()).isZero();
        assertThat(r.exception()).get().isInstanceOf(GrpcFault.class)
                .satisfies(e -> assertThat(((GrpcFault) e).codeName()).isEqualTo("UNAVAILABLE"));
        assertThatThrownBy(r::reraise).isInstanceOf(UpstreamException.class).hasMessageContaining("UNAVAILABLE");
    }

    @Test
    void parallelCallsTakeTheSlowestsTimeNotTheSum() {
        GrpcStub<Call> greeterStub = stub(url);
        stub(url).call(GreeterGrpc.getSayHelloMethod(), hello("warm-up").build()).dispatch(5);
        long started = System.nanoTime();
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(greeterStub.call(GreeterGrpc.getSayHelloMethod(), hello("p" + i).setDelayMillis(400).build()));
        }
        for (Call c : calls) {
            assertThat(c.dispatch(5).status()).isEqualTo(Result.NORMAL);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isLessThan(Duration.ofMillis(1000));
    }

    @Test
    void manyWaitingCallsHoldNoPlatformThreads() throws Exception {
        stub(url).call(GreeterGrpc.getSayHelloMethod(), hello("warm-up").build()).dispatch(5);
        int before = Thread.activeCount();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        int n = 200;
        List<Thread> waiters = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int id = i;
            waiters.add(Thread.ofVirtual().start(() -> {
                Result r = stub(url).call(GreeterGrpc.getSayHelloMethod(), hello("v" + id).setDelayMillis(500).build())
                        .dispatch(10);
                if (r.isSuccess()) {
                    ok.incrementAndGet();
                }
            }));
        }
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(Thread.activeCount(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        for (Thread t : waiters) {
            t.join();
        }
        sampler.interrupt();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(ok.get()).isEqualTo(n);
        // Thread.activeCount counts platform threads only: 200 parked calls add none of their own
        // (the server side here runs each call on a virtual thread too).
        assertThat(peak.get() - before).as("platform threads added while %d calls waited", n).isLessThan(16);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(channels.size()).as("one pooled channel per upstream").isEqualTo(1);
    }

    @Test
    void unsupportedAndMismatchedCallsFailBeforeSending() {
        assertThatThrownBy(() -> stub(url).call(GreeterGrpc.getChatMethod(), hello("x").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SKITAI-W026").hasMessageContaining("BIDI_STREAMING");
        assertThatThrownBy(() -> stub("http://127.0.0.1:1/other.Service").call(GreeterGrpc.getSayHelloMethod(), hello("x").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("SKITAI-W022");
        assertThatThrownBy(() -> stub(url).call("Missing", hello("x").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("SKITAI-W025")
                .hasMessageContaining("[Chat, Count, SayHello]");
        assertThatThrownBy(() -> stub("http://127.0.0.1:1").call("SayHello", hello("x").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("SKITAI-W023");
        assertThatThrownBy(() -> stub("http://127.0.0.1:1/nowhere.Greeter").call("SayHello", hello("x").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("SKITAI-W024");
        Result badScheme = stub("ftp://127.0.0.1:1/skitai.test.Greeter").call("SayHello", hello("x").build()).dispatch(1);
        assertThat(badScheme.status()).isEqualTo(Result.EXCEPTION);
        assertThat(badScheme.reason()).contains("SKITAI-W021");
        assertThat(greeter.calls()).isZero();
    }

    @Test
    void closingThePoolEndsItsChannelsAndThreads() {
        stub(url).call(GreeterGrpc.getSayHelloMethod(), hello("a").build()).dispatch(5);
        stub(url).call(GreeterGrpc.getCountMethod(), hello("b").setCount(1).build()).dispatch(5);
        assertThat(channels.size()).isEqualTo(1);
        channels.close();
        assertThat(GrpcServingTest.threads(POOL)).as("pool threads after close").isZero();
        Result after = stub(url).call(GreeterGrpc.getSayHelloMethod(), hello("late").build()).dispatch(5);
        assertThat(after.status()).isEqualTo(Result.EXCEPTION);
        assertThat(after.reason()).contains("closed");
    }

    @Test
    void upstreamSeesTheCallersMetadata() {
        stub("http://scott:tiger@127.0.0.1:" + upstream.getPort() + "/skitai.test.Greeter")
                .call(GreeterGrpc.getSayHelloMethod(), hello("auth").build()).dispatch(5);
        assertThat(greeter.lastMetadata()).containsEntry("authorization", "Basic c2NvdHQ6dGlnZXI=");
        assertThat(greeter.lastMetadata().get("user-agent")).startsWith("skitai");
    }
}
