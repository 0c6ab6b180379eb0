package io.skitai.core.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.function.IntSupplier;

/** Redirects plain-HTTP requests to the same URL on HTTPS (301 for GET/HEAD, 308 otherwise). */
final class ForwardHandler implements HttpHandler {

    private final IntSupplier httpsPort;

    ForwardHandler(IntSupplier httpsPort) {
        this.httpsPort = httpsPort;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        int port = httpsPort.getAsInt();
        String host = exchange.getHostName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        String query = exchange.getQueryString();
        String location = "https://" + host + (port == 443 ? "" : ":" + port) + exchange.getRequestURI()
                + (query.isEmpty() ? "" : "?" + query);
        String method = exchange.getRequestMethod().toString();
        exchange.setStatusCode("GET".equals(method) || "HEAD".equals(method) ? 301 : 308);
        exchange.setPersistent(false);
        exchange.getResponseHeaders().put(Headers.LOCATION, location);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
        exchange.endExchange();
    }

    @Override
    public String toString() {
        return "ForwardHandler(to https)";
    }
}
