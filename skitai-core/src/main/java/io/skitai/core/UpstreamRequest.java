package io.skitai.core;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request for the server's {@link UpstreamClient}: the method, the absolute
 * {@code http://} or {@code https://} URI, the headers to send (the client adds {@code Host} and
 * {@code Content-Length}) and the body (empty: none).
 *
 * @param method  the request method, such as {@code GET}
 * @param uri     where to send it
 * @param headers header names and values
 * @param body    the body bytes, empty for none (not copied: do not change it while the request runs)
 */
public record UpstreamRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

    /** Checks the parts and freezes the headers. */
    public UpstreamRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("an upstream request needs an absolute http:// or https:// URI, got " + uri);
        }
        headers.forEach(UpstreamRequest::checkHeader);
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** A header a request line could be forged with (CR, LF or NUL, or a bad name) is refused. */
    private static void checkHeader(String name, String value) {
        if (name == null || name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
            throw new IllegalArgumentException("not a valid header name: '" + name + "'");
        }
        if (value == null || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("header " + name + " has a value with CR, LF or NUL (or none)");
        }
    }

    /** A request without a body. */
    public static UpstreamRequest of(String method, URI uri, Map<String, String> headers) {
        return new UpstreamRequest(method, uri, headers, new byte[0]);
    }

    @Override
    public String toString() {
        return "UpstreamRequest[" + method + " " + uri + ", " + body.length + " bytes]";
    }
}
