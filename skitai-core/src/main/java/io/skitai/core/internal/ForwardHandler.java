package io.skitai.core.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * Redirects plain-HTTP requests to the same URL on HTTPS: {@code https://host[:port]/path?query},
 * the port left out when it is 443. GET and HEAD get 301; other methods 308, so clients repeat them
 * with the same method and body. The raw (still percent-encoded) path and query are kept; a request
 * in absolute form ({@code GET http://host/path}) keeps only its path. A Host header that is not a
 * plain host name or IP literal gets 400 rather than being echoed into the Location. The connection
 * is closed after the redirect, so an unread request body is never parsed as a next request.
 */
final class ForwardHandler implements HttpHandler {

    /** A DNS name or IPv4 address, or the inside of an IPv6 literal (Undertow strips the brackets). */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]{1,253}|[0-9A-Fa-f:.]{2,45}");

    private final IntSupplier httpsPort;

    ForwardHandler(IntSupplier httpsPort) {
        this.httpsPort = httpsPort;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.setPersistent(false);
        String host = exchange.getHostName();
        if (host == null || !HOST.matcher(host).matches()) {
            exchange.setStatusCode(400);
            exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
            exchange.endExchange();
            return;
        }
        exchange.getResponseHeaders().put(Headers.LOCATION, location(exchange, host, httpsPort.getAsInt()));
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
        boolean safe = exchange.getRequestMethod().equals(Methods.GET) || exchange.getRequestMethod().equals(Methods.HEAD);
        exchange.setStatusCode(safe ? 301 : 308);
        exchange.endExchange();
    }

    static String location(HttpServerExchange exchange, String host, int port) {
        String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + (port == 443 ? "" : ":" + port);
        String path = exchange.getRequestURI();
        if (exchange.isHostIncludedInRequestURI()) {
            int slash = path.indexOf('/', path.indexOf("://") + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        if (!path.startsWith("/")) {
            path = "/"; // "OPTIONS *" and the like
        }
        String query = exchange.getQueryString();
        return "https://" + authority + path + (query.isEmpty() ? "" : "?" + query);
    }

    @Override
    public String toString() {
        return "ForwardHandler(redirect to https, 301/308)";
    }
}
