package io.skitai.was.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skitai.core.StatusText;
import io.skitai.core.UpstreamClient;
import io.skitai.core.UpstreamRequest;
import io.skitai.core.UpstreamResponse;
import io.skitai.was.Result;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLHandshakeException;

/**
 * HTTP requests through the server's {@link UpstreamClient} as a {@link Transport}: the call's
 * method, body and headers, the target's transaction-id headers and Basic credentials; redirects
 * followed (at most {@value #MAX_REDIRECTS}, never from HTTPS to HTTP; 303, and 301/302 after a
 * POST, continue as GET); the answer parsed by a {@link Parser}.
 */
final class HttpTransport {

    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    /** Turns an answer into a result. */
    @FunctionalInterface
    interface Parser {
        Outcome parse(UpstreamResponse response);
    }

    private HttpTransport() {}

    /** Parses the body by its Content-Type (JSON with the server's mapper); a body that does not parse is {@link Result#EXCEPTION}. */
    static Parser byContentType(ObjectMapper json) {
        return response -> byContentType(response, json);
    }

    /** Parses the body by its Content-Type; a body that does not parse is {@link Result#EXCEPTION}. */
    static Outcome byContentType(UpstreamResponse response, ObjectMapper json) {
        byte[] body = response.body();
        var headers = response.headers();
        try {
            Object data = Bodies.parse(response.header("Content-Type"), body, json);
            return Outcomes.normal(response.status(), StatusText.of(response.status()), headers, body, data);
        } catch (java.io.IOException | RuntimeException e) {
            return Outcomes.failedAnswer(response.status(), headers, body, null, e);
        }
    }

    /**
     * A transport sending {@code method} with {@code body} (empty: none) and {@code headers}
     * (Content-Type and Accept included).
     */
    static Transport of(UpstreamClient client, String method, byte[] body, Map<String, String> headers, Parser parser) {
        return target -> {
            try {
                AtomicReference<CompletableFuture<UpstreamResponse>> inFlight = new AtomicReference<>();
                CompletableFuture<Result> answer = follow(client, request(target, method, body, headers), 0, inFlight)
                        .handle((response, failure) -> failure == null
                                ? (Result) parser.parse(response) : failed(target, SingleCall.unwrap(failure)));
                // Cancelling the answer (a dispatch timeout) abandons the request in flight.
                answer.whenComplete((r, t) -> {
                    if (answer.isCancelled()) {
                        inFlight.get().cancel(false);
                    }
                });
                return answer;
            } catch (RuntimeException e) {
                return CompletableFuture.completedFuture(Outcomes.failure(e));
            }
        };
    }

    private static CompletableFuture<UpstreamResponse> follow(UpstreamClient client, UpstreamRequest request, int hops,
            AtomicReference<CompletableFuture<UpstreamResponse>> inFlight) {
        CompletableFuture<UpstreamResponse> sent = client.send(request);
        inFlight.set(sent);
        if (hops >= MAX_REDIRECTS) {
            return sent;
        }
        return sent.thenCompose(response -> {
            URI next = redirectTarget(request.uri(), response);
            if (next == null) {
                return CompletableFuture.completedFuture(response);
            }
            return follow(client, redirected(request, next, response.status()), hops + 1, inFlight);
        });
    }

    private static URI redirectTarget(URI from, UpstreamResponse response) {
        String location = response.header("Location");
        if (!REDIRECTS.contains(response.status()) || location == null) {
            return null;
        }
        try {
            URI to = from.resolve(location.trim());
            boolean downgrade = "https".equalsIgnoreCase(from.getScheme()) && !"https".equalsIgnoreCase(to.getScheme());
            boolean web = "http".equalsIgnoreCase(to.getScheme()) || "https".equalsIgnoreCase(to.getScheme());
            return downgrade || !web ? null : to;
        } catch (IllegalArgumentException badLocation) {
            return null;
        }
    }

    private static UpstreamRequest redirected(UpstreamRequest request, URI to, int status) {
        boolean asGet = status == 303 && !"HEAD".equals(request.method())
                || (status == 301 || status == 302) && "POST".equals(request.method());
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        if (!sameOrigin(request.uri(), to)) {
            headers.remove("Authorization");
        }
        if (!asGet) {
            return new UpstreamRequest(request.method(), to, headers, request.body());
        }
        headers.remove("Content-Type");
        return UpstreamRequest.of("GET", to, headers);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(String.valueOf(b.getHost()))
                && a.getPort() == b.getPort();
    }

    private static Result failed(Target target, Throwable failure) {
        if (failure instanceof HttpTimeoutException) {
            return Outcomes.timeout(java.time.Duration.ofMinutes(5));
        }
        SSLHandshakeException refused = handshakeFailure(failure);
        if (refused != null) {
            SSLHandshakeException explained = new SSLHandshakeException(Messages.tlsRefused(
                    target.uri().getHost() + ":" + target.uri().getPort(), rootMessage(refused)));
            explained.initCause(failure);
            return Outcomes.failure(explained);
        }
        return Outcomes.failure(failure);
    }

    private static SSLHandshakeException handshakeFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLHandshakeException h) {
                return h;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static UpstreamRequest request(Target target, String method, byte[] body, Map<String, String> headers) {
        Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.putAll(target.headers());
        target.user().ifPresent(user -> all.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + target.password().orElse("")).getBytes(StandardCharsets.UTF_8))));
        all.putAll(headers);
        if (body.length == 0) {
            all.remove("Content-Type");
        }
        return new UpstreamRequest(method, target.uri(), all, body);
    }
}
