package io.skitai.was.internal;

import com.google.protobuf.MessageLite;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.skitai.was.GrpcFault;
import io.skitai.was.Result;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC {@link Transport}: one unary or server-streaming call on a pooled channel, completed
 * from gRPC's callbacks (nothing waits). Transaction-id headers travel as metadata, a member's
 * credentials as Basic authorization; cancelling the future cancels the call.
 *
 * @param <Q> the request type
 * @param <R> the reply type
 */
final class GrpcTransport<Q, R> implements Transport {

    private static final byte[] NO_CONTENT = new byte[0];

    private final GrpcChannels channels;
    private final MethodDescriptor<Q, R> method;
    private final Q request;
    private final Duration deadline;

    GrpcTransport(GrpcChannels channels, MethodDescriptor<Q, R> method, Q request, Duration deadline) {
        this.channels = channels;
        this.method = method;
        this.request = request;
        this.deadline = deadline;
    }

    @Override
    public CompletableFuture<Result> send(Target target) {
        CallOptions options = CallOptions.DEFAULT;
        if (deadline != null) {
            options = options.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
        }
        ClientCall<Q, R> call;
        try {
            call = channels.channel(target.uri()).newCall(method, options);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Outcomes.failure(e));
        }
        CompletableFuture<Result> answer = new CompletableFuture<>();
        Replies replies = new Replies(answer);
        answer.whenComplete((r, failure) -> {
            if (answer.isCancelled()) {
                call.cancel("cancelled by the caller (its dispatch timed out)", null);
            }
        });
        try {
            call.start(replies, metadata(target));
            // Unary: one reply; server streaming: all of them (flow control asks for more as they arrive).
            call.request(method.getType() == MethodDescriptor.MethodType.UNARY ? 2 : Integer.MAX_VALUE);
            call.sendMessage(request);
            call.halfClose();
        } catch (RuntimeException e) {
            call.cancel("failed to send", e);
            answer.complete(Outcomes.failure(e));
        }
        return answer;
    }

    private static Metadata metadata(Target target) {
        Metadata metadata = new Metadata();
        target.headers().forEach((name, value) ->
                metadata.put(Metadata.Key.of(name.toLowerCase(Locale.ROOT), Metadata.ASCII_STRING_MARSHALLER), value));
        if (target.user().isPresent()) {
            String credentials = target.user().get() + ":" + target.password().orElse("");
            metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return metadata;
    }

    /** Collects the replies of one call and completes its future with the {@link Result}. */
    private final class Replies extends ClientCall.Listener<R> {

        private final CompletableFuture<Result> answer;
        private final List<R> messages = new ArrayList<>();
        private Metadata headers = new Metadata();

        Replies(CompletableFuture<Result> answer) {
            this.answer = answer;
        }

        @Override
        public void onHeaders(Metadata received) {
            headers = received;
        }

        @Override
        public void onMessage(R message) {
            messages.add(message);
        }

        @Override
        public void onClose(Status status, Metadata trailers) {
            Map<String, List<String>> all = headers(headers, trailers, status);
            if (status.isOk()) {
                answer.complete(ok(all));
            } else if (status.getCode() == Status.Code.DEADLINE_EXCEEDED && deadline != null) {
                answer.complete(Outcomes.timeout(deadline));
            } else if (status.getCode() == Status.Code.UNAVAILABLE && all.get("grpc-status") == null) {
                // Never reached a server (refused, reset, unresolvable): no answer at all.
                answer.complete(Outcomes.failure(fault(status)));
            } else {
                answer.complete(Outcomes.failedAnswer(httpStatus(status.getCode()), all, NO_CONTENT, null, fault(status)));
            }
        }

        private Result ok(Map<String, List<String>> all) {
            if (method.getType() == MethodDescriptor.MethodType.UNARY) {
                R reply = messages.isEmpty() ? null : messages.get(0);
                byte[] content = reply instanceof MessageLite m ? m.toByteArray() : NO_CONTENT;
                return Outcomes.normal(200, "OK", all, content, reply);
            }
            return Outcomes.normal(200, "OK", all, NO_CONTENT, List.copyOf(messages));
        }
    }

    private static GrpcFault fault(Status status) {
        StatusRuntimeException cause = status.asRuntimeException();
        return new GrpcFault(status.getCode().value(), status.getCode().name(), status.getDescription(), cause);
    }

    /**
     * The response metadata and trailers as headers (text keys only), with {@code grpc-status} and
     * {@code grpc-message} as the call ended.
     */
    private static Map<String, List<String>> headers(Metadata headers, Metadata trailers, Status status) {
        Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Metadata m : new Metadata[] {headers, trailers}) {
            if (m == null) {
                continue;
            }
            for (String key : m.keys()) {
                if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                    continue;
                }
                Iterable<String> values = m.getAll(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
                if (values != null) {
                    values.forEach(v -> all.computeIfAbsent(key, k -> new ArrayList<>()).add(v));
                }
            }
        }
        boolean fromServer = !all.isEmpty();
        if (fromServer) {
            all.put("grpc-status", List.of(String.valueOf(status.getCode().value())));
            if (status.getDescription() != null) {
                all.put("grpc-message", List.of(status.getDescription()));
            }
        }
        return all;
    }

    /** The HTTP status that corresponds to a gRPC status code (as in Google's API design guide). */
    static int httpStatus(Status.Code code) {
        return switch (code) {
            case OK -> 200;
            case CANCELLED -> 499;
            case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
            case DEADLINE_EXCEEDED -> 504;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, ABORTED -> 409;
            case PERMISSION_DENIED -> 403;
            case UNAUTHENTICATED -> 401;
            case RESOURCE_EXHAUSTED -> 429;
            case UNIMPLEMENTED -> 501;
            case UNAVAILABLE -> 503;
            case UNKNOWN, INTERNAL, DATA_LOSS -> 500;
        };
    }
}
