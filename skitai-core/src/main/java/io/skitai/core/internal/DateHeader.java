package io.skitai.core.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * Sets the {@code Date} response header from a per-second cache. Undertow's own Date cache is
 * JVM-wide and refreshed by a timer on the IO thread of whichever server set it first; once that
 * server stops, every other server in the JVM keeps sending a stale date.
 */
final class DateHeader implements HttpHandler {

    private record Stamp(long second, String text) {}

    private final HttpHandler next;
    private volatile Stamp stamp = new Stamp(-1, "");

    DateHeader(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long second = System.currentTimeMillis() / 1000;
        Stamp s = stamp;
        if (s.second != second) {
            s = new Stamp(second, Validators.httpDate(second));
            stamp = s;
        }
        exchange.getResponseHeaders().put(Headers.DATE, s.text);
        next.handleRequest(exchange);
    }

    @Override
    public String toString() {
        return "DateHeader -> " + next;
    }
}
