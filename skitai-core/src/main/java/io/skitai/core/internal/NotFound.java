package io.skitai.core.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** The end of a chain: 404. */
final class NotFound implements HttpHandler {

    static final NotFound INSTANCE = new NotFound();

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        ErrorResponses.send(exchange, 404, "no resource at " + exchange.getRequestPath(), false);
    }

    @Override
    public String toString() {
        return "NotFound";
    }
}
