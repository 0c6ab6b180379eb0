package io.skitai.testkit;

import io.skitai.core.Json;
import io.skitai.testkit.internal.UrlEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request being built: {@code cli.request("POST", "/x").header("A", "b").json(obj).send()}.
 * Not reusable after {@link #send()}; not thread-safe.
 */
public final class TestRequest {

    private final TestClient client;
    private final String method;
    private final String path;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private final Map<String, Object> query = new LinkedHashMap<>();
    private byte[] body;
    private String contentType;
    private Duration timeout = TestClient.DEFAULT_TIMEOUT;

    TestRequest(TestClient client, String method, String path) {
        this.client = client;
        this.method = Objects.requireNonNull(method, "method").strip();
        this.path = Objects.requireNonNull(path, "path");
        if (this.method.isEmpty()) {
            throw new IllegalArgumentException("a request method is not blank");
        }
    }

    /**
     * Adds a header (a second call with the same name adds a second value). {@code Host} and the
     * other restricted headers work too: {@code header("Host", "www.site2.com")} for virtual hosts.
     */
    public TestRequest header(String name, String value) {
        headers.add(Map.entry(name, value));
        return this;
    }

    /** Adds several headers. */
    public TestRequest headers(Map<String, String> more) {
        more.forEach(this::header);
        return this;
    }

    /** Adds a query parameter (encoded here) after any query already in the path. */
    public TestRequest query(String name, Object value) {
        query.merge(name, value == null ? "" : value, (a, b) -> {
            List<Object> both = new ArrayList<>();
            addAll(both, a);
            addAll(both, b);
            return both;
        });
        return this;
    }

    /** Adds query parameters; an {@link Iterable} value repeats the name. */
    public TestRequest query(Map<String, ?> parameters) {
        parameters.forEach(this::query);
        return this;
    }

    /** A JSON body ({@code application/json}), written by Skitai's Jackson mapper. */
    public TestRequest json(Object value) {
        return body(Json.bytes(value), "application/json");
    }

    /** A form body ({@code application/x-www-form-urlencoded}); an {@link Iterable} value repeats the name. */
    public TestRequest form(Map<String, ?> fields) {
        return body(UrlEncoding.form(fields).getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    /** A body of bytes with its content type. */
    public TestRequest body(byte[] bytes, String type) {
        this.body = bytes.clone();
        this.contentType = type;
        return this;
    }

    /** A text body (UTF-8) with its content type, e.g. {@code body("a,b", "text/csv")}. */
    public TestRequest body(String text, String type) {
        return body(text.getBytes(StandardCharsets.UTF_8), type);
    }

    /** How long to wait for the whole response (default {@link TestClient#DEFAULT_TIMEOUT}). */
    public TestRequest timeout(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("a timeout is positive, got " + limit);
        }
        this.timeout = limit;
        return this;
    }

    /**
     * Sends the request and reads the whole response.
     *
     * @throws UncheckedIOException when the connection fails or no response comes within the timeout
     */
    public TestResponse send() {
        URI uri = client.uri(pathWithQuery());
        HttpRequest request = build(uri);
        try {
            HttpResponse<byte[]> r = client.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new TestResponse(method, uri, r.statusCode(), r.headers().map(), r.body(),
                    r.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1");
        } catch (HttpTimeoutException e) {
            throw new UncheckedIOException(method + " " + uri + " got no response within " + timeout, e);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + method + " " + uri, e);
        }
    }

    private HttpRequest build(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        boolean typed = false;
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase("Expect") && h.getValue().strip().equalsIgnoreCase("100-continue")) {
                b.expectContinue(true);
                continue;
            }
            typed |= h.getKey().equalsIgnoreCase("Content-Type");
            b.header(h.getKey(), h.getValue());
        }
        if (contentType != null && !typed) {
            b.header("Content-Type", contentType);
        }
        return b.build();
    }

    private String pathWithQuery() {
        if (query.isEmpty()) {
            return path;
        }
        return path + (path.contains("?") ? "&" : "?") + UrlEncoding.form(query);
    }

    private static void addAll(List<Object> into, Object value) {
        if (value instanceof Iterable<?> many) {
            many.forEach(into::add);
        } else {
            into.add(value);
        }
    }

    @Override
    public String toString() {
        return method + " " + pathWithQuery();
    }
}
