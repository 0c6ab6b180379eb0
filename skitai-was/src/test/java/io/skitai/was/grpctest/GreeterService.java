package io.skitai.was.grpctest;

import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test implementation of {@code skitai.test.Greeter}: greets by name, after
 * {@code delay_millis} if asked, fails with {@code fail_code} if asked, and streams {@code count}
 * replies from {@code Count}. {@link #calls()} counts the calls it received.
 */
public final class GreeterService extends GreeterGrpc.GreeterImplBase {

    private final String who;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger cancelled = new AtomicInteger();
    private final Map<String, String> lastMetadata = new ConcurrentHashMap<>();

    /** A greeter answering "Hello NAME from WHO". */
    public GreeterService(String who) {
        this.who = who;
    }

    public GreeterService() {
        this("greeter");
    }

    /** Calls received so far. */
    public int calls() {
        return calls.get();
    }

    /** Calls the client cancelled (or whose deadline passed) while they ran. */
    public int cancelled() {
        return cancelled.get();
    }

    /** The text metadata of the last call, as {@link Metadata} captured it (see {@link #intercepted()}). */
    public Map<String, String> lastMetadata() {
        return Map.copyOf(lastMetadata);
    }

    /** This service with an interceptor that records each call's metadata. */
    public ServerServiceDefinition intercepted() {
        return ServerInterceptors.intercept(this, new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                    ServerCallHandler<Q, R> next) {
                lastMetadata.clear();
                for (String key : headers.keys()) {
                    if (!key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                        lastMetadata.put(key, headers.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER)));
                    }
                }
                return next.startCall(call, headers);
            }
        });
    }

    @Override
    public void sayHello(HelloRequest request, StreamObserver<HelloReply> replies) {
        calls.incrementAndGet();
        // The context also ends (without a cause) when the call completes normally.
        Context.current().addListener(context -> {
            if (context.cancellationCause() != null) {
                cancelled.incrementAndGet();
            }
        }, Runnable::run);
        if (!pause(request, replies)) {
            return;
        }
        if (request.getFailCode() != 0) {
            replies.onError(Status.fromCodeValue(request.getFailCode())
                    .withDescription("asked to fail for " + request.getName()).asRuntimeException());
            return;
        }
        replies.onNext(reply("Hello " + request.getName() + " from " + who));
        replies.onCompleted();
    }

    @Override
    public void count(HelloRequest request, StreamObserver<HelloReply> replies) {
        calls.incrementAndGet();
        if (!pause(request, replies)) {
            return;
        }
        for (int n = 1; n <= request.getCount(); n++) {
            replies.onNext(reply(n + ":" + request.getName()));
        }
        if (request.getFailCode() != 0) {
            replies.onError(Status.fromCodeValue(request.getFailCode()).withDescription("stream failed").asRuntimeException());
            return;
        }
        replies.onCompleted();
    }

    @Override
    public StreamObserver<HelloRequest> chat(StreamObserver<HelloReply> replies) {
        return new StreamObserver<>() {
            @Override
            public void onNext(HelloRequest value) {
                replies.onNext(reply(value.getName()));
            }

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onCompleted() {
                replies.onCompleted();
            }
        };
    }

    private static HelloReply reply(String message) {
        return HelloReply.newBuilder().setMessage(message)
                .setThread(Thread.currentThread().isVirtual() ? "virtual" : "platform").build();
    }

    private static boolean pause(HelloRequest request, StreamObserver<HelloReply> replies) {
        if (request.getDelayMillis() <= 0) {
            return true;
        }
        try {
            Thread.sleep(request.getDelayMillis());
            return true;
        } catch (InterruptedException e) {
            replies.onError(Status.CANCELLED.withDescription("interrupted").asRuntimeException());
            return false;
        }
    }
}
