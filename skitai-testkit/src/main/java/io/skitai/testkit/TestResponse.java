package io.skitai.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.skitai.core.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A whole HTTP response, read into memory. {@link #toString()} shows the request, status, content
 * type and the start of the body, so a failed assertion says what came back.
 */
public final class TestResponse {

    private static final int PREVIEW = 200;

    private final String method;
    private final URI uri;
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String version;

    TestResponse(String method, URI uri, int status, Map<String, List<String>> headers, byte[] body, String version) {
        this.method = method;
        this.uri = uri;
        this.status = status;
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (!k.startsWith(":")) {
                h.put(k, List.copyOf(v));
            }
        });
        this.headers = Collections.unmodifiableMap(h);
        this.body = body == null ? new byte[0] : body;
        this.version = version;
    }

    /** The status code. */
    public int status() {
        return status;
    }

    /** The first value of a response header (case-insensitive name). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a response header, empty when absent. */
    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** All response headers, by case-insensitive name. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The Content-Type header, or {@code ""} when there is none. */
    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** {@code HTTP/1.1} or {@code HTTP/2}: the protocol the response came in. */
    public String version() {
        return version;
    }

    /** The body bytes (a copy). */
    public byte[] bytes() {
        return body.clone();
    }

    /** The body decoded with the charset of its Content-Type (UTF-8 when none is named). */
    public String text() {
        return new String(body, charset());
    }

    /** The body parsed as JSON. */
    public JsonNode json() {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw notJson(e);
        }
    }

    /** The body read as JSON into a type (a record, a bean, {@code Map.class}...). */
    public <T> T json(Class<T> type) {
        try {
            return Json.mapper().readValue(body, type);
        } catch (IOException e) {
            throw notJson(e);
        }
    }

    /**
     * The body parsed as JSON into plain values, like the Python client's {@code resp.data}: an
     * object becomes a {@code Map<String, Object>}, an array a {@code List<Object>}, then strings,
     * numbers, booleans ({@code null} for JSON null). The result is cast to what the caller
     * declares: {@code Map<String, Object> pet = resp.data();}.
     */
    @SuppressWarnings("unchecked")
    public <T> T data() {
        if (body.length == 0) {
            throw new IllegalStateException("the response has no body to read as JSON: " + this);
        }
        try {
            return (T) Json.mapper().readValue(body, Object.class);
        } catch (IOException e) {
            throw notJson(e);
        }
    }

    /** The request method and URI this responds to. */
    public String request() {
        return method + " " + uri;
    }

    private IllegalStateException notJson(IOException e) {
        return new IllegalStateException("the body is not JSON (" + e.getMessage().lines().findFirst().orElse("")
                + "): " + this, e);
    }

    private Charset charset() {
        for (String param : contentType().split(";")) {
            String p = param.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring("charset=".length()).replace("\"", "").strip();
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** e.g. {@code 404 HTTP/1.1 for GET http://127.0.0.1:5000/x [text/html] "<html>..."}. */
    @Override
    public String toString() {
        String text = text();
        String preview = text.length() > PREVIEW ? text.substring(0, PREVIEW) + "... (" + body.length + " bytes)" : text;
        String type = contentType();
        return status + " " + version + " for " + request() + (type.isEmpty() ? "" : " [" + type + "]")
                + (body.length == 0 ? " (no body)" : " \"" + preview + "\"");
    }
}
