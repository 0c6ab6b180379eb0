package io.skitai.was.grpctest;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * The test implementation of {@code skitai.test.Greeter}: greets by name, after
 * {@code delay_millis} if asked, fails with {@code fail_code} if asked, and streams {@code count}
 * replies from {@code Count}. {@link #calls()} counts the calls it received.
 */
public final class GreeterService extends GreeterGrpc.GreeterImplBase {

    private final String who;
    private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

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

    @Override
    public void sayHello(HelloRequest request, StreamObserver<HelloReply> replies) {
        calls.incrementAndGet();
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
