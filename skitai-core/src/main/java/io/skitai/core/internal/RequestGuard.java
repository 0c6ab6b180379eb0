package io.skitai.core.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ResponseCommitListener;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.Protocols;

/**
 * Refuses requests before any handler sees them: a request line over the limit (414), one header
 * field line over that same limit or all headers over the byte or field-count limit (431), and ambiguous HTTP/1 framing that could desync a
 * proxy in front of us: Content-Length with Transfer-Encoding, repeated or malformed
 * Content-Length, Transfer-Encoding on HTTP/1.0 (400), any Transfer-Encoding other than one final
 * {@code chunked} (501). Every refusal closes the connection, and so does any HTTP/1 response sent
 * before its request's body was read. A chunked body's framing is read strictly
 * ({@link StrictChunkedSource}).
 */
final class RequestGuard implements HttpHandler {

    /**
     * A response that goes out before its request's body was read closes the connection after it
     * (as nginx does), so a client cannot hold the connection by trickling a body nobody reads.
     */
    private static final ResponseCommitListener CLOSE_IF_BODY_UNREAD = ex -> {
        if (!ex.isRequestComplete()) {
            ex.setPersistent(false);
        }
    };

    private final EngineConfig.Limits limits;
    private final HttpHandler next;

    RequestGuard(EngineConfig.Limits limits, HttpHandler next) {
        this.limits = limits;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        int line = exchange.getRequestMethod().length() + exchange.getRequestURI().length()
                + exchange.getQueryString().length() + exchange.getProtocol().length() + 4;
        if (line > limits.maxRequestLine()) {
            refuse(exchange, 414, "request line is longer than " + limits.maxRequestLine() + " bytes");
            return;
        }
        HeaderMap headers = exchange.getRequestHeaders();
        int count = 0;
        long bytes = 0;
        int longestLine = 0;
        for (HeaderValues values : headers) {
            int nameLength = values.getHeaderName().length();
            for (String v : values) {
                count++;
                bytes += nameLength + v.length() + 4;
                longestLine = Math.max(longestLine, nameLength + v.length() + 2);
            }
        }
        if (longestLine > limits.maxRequestLine()) {
            refuse(exchange, 431, "a header field line is longer than " + limits.maxRequestLine() + " bytes");
            return;
        }
        if (count > limits.maxHeaderCount()) {
            refuse(exchange, 431, "more than " + limits.maxHeaderCount() + " header fields");
            return;
        }
        if (bytes > limits.maxHeaderBytes()) {
            refuse(exchange, 431, "request headers are larger than " + limits.maxHeaderBytes() + " bytes");
            return;
        }
        if (!exchange.getProtocol().equals(Protocols.HTTP_2_0)) {
            if (!framingIsSound(exchange, headers)) {
                return;
            }
            if (!exchange.isRequestComplete()) {
                exchange.addResponseCommitListener(CLOSE_IF_BODY_UNREAD);
                StrictChunkedSource.install(exchange, limits);
            }
        }
        next.handleRequest(exchange);
    }

    private static boolean framingIsSound(HttpServerExchange exchange, HeaderMap headers) {
        HeaderValues te = headers.get(Headers.TRANSFER_ENCODING);
        HeaderValues cl = headers.get(Headers.CONTENT_LENGTH);
        if (te != null) {
            if (exchange.getProtocol().equals(Protocols.HTTP_1_0)) {
                refuse(exchange, 400, "Transfer-Encoding is not allowed in HTTP/1.0");
                return false;
            }
            if (cl != null) {
                refuse(exchange, 400, "Content-Length and Transfer-Encoding together are ambiguous");
                return false;
            }
            if (!onlyChunked(te)) {
                refuse(exchange, 501, "only 'Transfer-Encoding: chunked' is supported");
                return false;
            }
        }
        if (cl != null && (cl.size() != 1 || !isDigits(cl.getFirst()))) {
            refuse(exchange, 400, "Content-Length must be one non-negative number");
            return false;
        }
        return true;
    }

    private static boolean onlyChunked(HeaderValues te) {
        int codings = 0;
        for (String value : te) {
            for (String coding : value.split(",", -1)) {
                codings++;
                if (codings > 1 || !coding.strip().equalsIgnoreCase("chunked")) {
                    return false;
                }
            }
        }
        return codings == 1;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static void refuse(HttpServerExchange exchange, int status, String message) {
        ErrorResponses.send(exchange, status, message, true);
    }

    @Override
    public String toString() {
        return "RequestGuard(line<=" + limits.maxRequestLine() + ", headers<=" + limits.maxHeaderBytes() + "B/"
                + limits.maxHeaderCount() + ", unambiguous framing) -> " + next;
    }
}
