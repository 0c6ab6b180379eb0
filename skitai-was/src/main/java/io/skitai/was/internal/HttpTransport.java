package io.skitai.was.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skitai.core.StatusText;
import io.skitai.was.Result;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLHandshakeException;

/**
 * HTTP requests through the JDK client as a {@link Transport}: the call's method, body and headers,
 * the target's transaction-id headers and Basic credentials; the answer parsed by a {@link Parser}.
 */
final class HttpTransport {

    /**
     * A safety net for calls nobody dispatches: no request stays in flight longer than this. A
     * dispatch timeout, counted from the dispatch, is usually much shorter and cancels the request.
     */
    private static final Duration REQUEST_LIMIT = Duration.ofMinutes(5);

    /** Turns an answer into a result. */
    @FunctionalInterface
    interface Parser {
        Outcome parse(HttpResponse<byte[]> response);
    }

    private HttpTransport() {}

    /** Parses the body by its Content-Type (JSON with the server's mapper); a body that does not parse is {@link Result#EXCEPTION}. */
    static Parser byContentType(ObjectMapper json) {
        return response -> byContentType(response, json);
    }

    /** Parses the body by its Content-Type; a body that does not parse is {@link Result#EXCEPTION}. */
    static Outcome byContentType(HttpResponse<byte[]> response, ObjectMapper json) {
        byte[] body = response.body() == null ? new byte[0] : response.body();
        var headers = response.headers().map();
        try {
            Object data = Bodies.parse(response.headers().firstValue("Content-Type").orElse(null), body, json);
            return Outcomes.normal(response.statusCode(), StatusText.of(response.statusCode()), headers, body, data);
        } catch (java.io.IOException | RuntimeException e) {
            return Outcomes.failedAnswer(response.statusCode(), headers, body, null, e);
        }
    }

    /**
     * A transport sending {@code method} with {@code body} (empty: none) and {@code headers}
     * (Content-Type and Accept included).
     */
    static Transport of(HttpClient http, String method, byte[] body, Map<String, String> headers, Parser parser) {
        return target -> {
            try {
                HttpRequest request = request(target, method, body, headers);
                return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                        .handle((response, failure) -> failure == null ? (Result) parser.parse(response)
                                : failed(target, SingleCall.unwrap(failure)));
            } catch (RuntimeException e) {
                return CompletableFuture.completedFuture(Outcomes.failure(e));
            }
        };
    }

    private static Result failed(Target target, Throwable failure) {
        if (failure instanceof HttpTimeoutException && !(failure instanceof java.net.http.HttpConnectTimeoutException)) {
            return Outcomes.timeout(REQUEST_LIMIT);
        }
        if (failure instanceof SSLHandshakeException refused) {
            SSLHandshakeException explained = new SSLHandshakeException(Messages.tlsRefused(
                    target.uri().getHost() + ":" + target.uri().getPort(), rootMessage(refused)));
            explained.initCause(refused);
            return Outcomes.failure(explained);
        }
        return Outcomes.failure(failure);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static HttpRequest request(Target target, String method, byte[] body, Map<String, String> headers) {
        boolean secure = "https".equalsIgnoreCase(target.uri().getScheme());
        HttpRequest.Builder b = HttpRequest.newBuilder(target.uri())
                .version(secure ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .timeout(REQUEST_LIMIT)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.putAll(target.headers());
        target.user().ifPresent(user -> all.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + target.password().orElse("")).getBytes(StandardCharsets.UTF_8))));
        all.putAll(headers);
        if (body.length == 0) {
            all.remove("Content-Type");
        }
        all.forEach(b::header);
        return b.build();
    }
}
