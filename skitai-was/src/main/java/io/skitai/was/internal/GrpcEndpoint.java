package io.skitai.was.internal;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.skitai.was.GrpcStub;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The {@link GrpcStub} of one URL: checks the method against the URL's service and its type,
 * then fires the call through a {@link Caller} (aliases, lb/map, result cache, transaction ids)
 * with a {@link GrpcTransport}.
 *
 * @param <C> the handle a call returns
 */
public final class GrpcEndpoint<C> implements GrpcStub<C> {

    private final Caller<C> caller;
    private final GrpcChannels channels;
    private final String url;
    private final Optional<String> service;

    private GrpcEndpoint(Caller<C> caller, GrpcChannels channels, String url) {
        this.caller = caller;
        this.channels = channels;
        this.url = url;
        this.service = serviceOf(url);
    }

    /** The stub of {@code url} ({@code "@alias/package.Service"} or {@code http(s)://host:port/package.Service}). */
    public static <C> GrpcEndpoint<C> of(Caller<C> caller, GrpcChannels channels, String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("was.grpc needs a URL, got " + url);
        }
        return new GrpcEndpoint<>(caller, channels, url);
    }

    @Override
    public <Q, R> C call(MethodDescriptor<Q, R> method, Q request) {
        return fire(method, request, null);
    }

    @Override
    public <Q, R> C call(MethodDescriptor<Q, R> method, Q request, Duration deadline) {
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("a gRPC deadline must be positive, got " + deadline);
        }
        return fire(method, request, deadline);
    }

    @Override
    public C call(String method, Message request) {
        return fire(find(method, request), request, null);
    }

    @Override
    public C call(String method, Message request, double deadlineSeconds) {
        if (!(deadlineSeconds > 0)) {
            throw new IllegalArgumentException("a gRPC deadline must be positive, got " + deadlineSeconds);
        }
        return fire(find(method, request), request, Duration.ofNanos((long) (deadlineSeconds * 1e9)));
    }

    private MethodDescriptor<?, ?> find(String method, Message request) {
        if (method == null || method.isBlank() || request == null) {
            throw new IllegalArgumentException("was.grpc(..).call needs a method name and a request");
        }
        String name = service.orElseThrow(() -> new IllegalArgumentException(Messages.grpcNoService(url, method)));
        return GrpcMethods.find(name, method, request);
    }

    @SuppressWarnings("unchecked")
    private <Q, R> C fire(MethodDescriptor<Q, R> method, Object request, Duration deadline) {
        if (method == null || request == null) {
            throw new IllegalArgumentException("was.grpc(..).call needs a method and a request");
        }
        MethodDescriptor.MethodType type = method.getType();
        if (type != MethodDescriptor.MethodType.UNARY && type != MethodDescriptor.MethodType.SERVER_STREAMING) {
            throw new IllegalArgumentException(Messages.grpcStreamingUnsupported(method.getFullMethodName(), type.name()));
        }
        if (service.isPresent() && !service.get().equals(method.getServiceName())) {
            throw new IllegalArgumentException(Messages.grpcServiceMismatch(url, service.get(), method.getFullMethodName()));
        }
        Q typed = (Q) request;
        String cacheKey = "GRPC " + method.getFullMethodName() + " " + digest(method, typed);
        return caller.call(url, CacheKey.of(cacheKey), new GrpcTransport<>(channels, method, typed, deadline));
    }

    /** The service named by the URL's path ({@code /package.Service}), if any. */
    static Optional<String> serviceOf(String url) {
        String path;
        if (url.startsWith("@")) {
            int slash = url.indexOf('/');
            path = slash < 0 ? "" : url.substring(slash);
        } else {
            try {
                path = Optional.ofNullable(URI.create(url).getPath()).orElse("");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("was.grpc: malformed URL " + url, e);
            }
        }
        String name = path.replaceAll("^/+|/+$", "");
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private static <Q> String digest(MethodDescriptor<Q, ?> method, Q request) {
        try (InputStream in = method.streamRequest(request)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "GrpcStub(" + url + ")";
    }
}
