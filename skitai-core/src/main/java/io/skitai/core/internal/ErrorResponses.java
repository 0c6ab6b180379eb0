package io.skitai.core.internal;

import io.skitai.core.HttpError;
import io.skitai.core.Json;
import io.skitai.core.StatusText;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders errors: {@code application/problem+json} (RFC 9457) for clients that accept JSON, a
 * small HTML page otherwise. Works on any thread; never blocks.
 */
public final class ErrorResponses {

    private ErrorResponses() {}

    /** Sends an error, optionally closing the connection afterwards (framing and size errors). */
    public static void send(HttpServerExchange exchange, int status, String message, boolean close) {
        if (exchange.isResponseStarted()) {
            exchange.setPersistent(false);
            exchange.endExchange();
            return;
        }
        exchange.setStatusCode(status);
        if (close) {
            exchange.setPersistent(false);
            exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
        }
        byte[] body = body(exchange, status, message);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        if (Methods.HEAD.equals(exchange.getRequestMethod())) {
            exchange.endExchange();
            return;
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    /** Sends an {@link HttpError} with its headers. */
    public static void send(HttpServerExchange exchange, HttpError error) {
        if (!exchange.isResponseStarted()) {
            error.headers().forEach((k, v) -> exchange.getResponseHeaders().put(HttpString.tryFromString(k), v));
        }
        send(exchange, error.status(), error.getMessage(), false);
    }

    private static byte[] body(HttpServerExchange exchange, int status, String message) {
        String accept = exchange.getRequestHeaders().getFirst(Headers.ACCEPT);
        String title = StatusText.of(status);
        if (accept != null && accept.contains("json")) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json");
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", title);
            problem.put("status", status);
            problem.put("detail", message);
            return Json.bytes(problem);
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        String html = "<!DOCTYPE html><html><head><title>" + status + " " + escape(title) + "</title></head><body><h1>"
                + status + " " + escape(title) + "</h1><p>" + escape(message) + "</p></body></html>\n";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
