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
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
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
