package io.skitai.was;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import java.time.Duration;

/**
 * A gRPC service upstream ({@code was.grpc(url)}, Python's {@code stub = was.grpc(url)}): each
 * call leaves at once over a pooled HTTP/2 channel and returns a handle to collect the answer with.
 *
 * <pre>{@code
 * GrpcStub<Call> greeter = was.grpc("http://127.0.0.1:5001/helloworld.Greeter");
 * Call a = greeter.call("SayHello", HelloRequest.newBuilder().setName("Hans").build());
 * Call b = greeter.call(GreeterGrpc.getSayHelloMethod(), request, Duration.ofSeconds(2));
 * HelloReply reply = (HelloReply) a.dataOrThrow(5);
 * }</pre>
 *
 * <p>The URL is {@code http://host:port} (plain HTTP/2) or {@code https://host:port} (TLS, the
 * JVM's trusted certificates), optionally followed by the service's full name
 * ({@code /package.Service}), which calls are checked against.
 *
 * <p>What a call yields: a unary method's reply message, or a server-streaming method's replies as
 * a {@code List}, as {@link Result#data()}, with status code 200 and the response metadata as
 * headers. A gRPC error status gives {@link Result#EXCEPTION} carrying a {@link GrpcFault} (code
 * and description) with the HTTP equivalent as status code (NOT_FOUND 404, UNAVAILABLE 503,
 * INTERNAL 500...); an unreachable server gives {@link Result#EXCEPTION} without status code; a
 * passed deadline gives {@link Result#TIMEOUT}. A call whose {@code dispatch} times out is
 * cancelled on the server too. Client- and bidirectional-streaming methods are not supported here:
 * use a stub on a channel of your own.
 *
 * @param <C> the handle a call returns
 */
public interface GrpcStub<C> {

    /** Calls {@code method} with {@code request}; cancelled when its {@code dispatch} times out. */
    <Q, R> C call(MethodDescriptor<Q, R> method, Q request);

    /** Calls {@code method} with a gRPC deadline: not answered within {@code deadline}, it ends as {@link Result#TIMEOUT}. */
    <Q, R> C call(MethodDescriptor<Q, R> method, Q request, Duration deadline);

    /**
     * Calls the method named {@code method} (e.g. {@code "SayHello"}) of the service in the URL
     * with a protobuf request. The method is found through the request's {@code .proto} file and
     * the {@code <Service>Grpc} class generated for it.
     *
     * @throws IllegalArgumentException when the URL names no service, or the service or method is
     *                                  not found (then pass the {@link MethodDescriptor} instead)
     */
    C call(String method, Message request);

    /** {@link #call(String, Message)} with a deadline in seconds (Python's {@code stub.Predict(request, 10.0)}). */
    C call(String method, Message request, double deadlineSeconds);
}
