package io.skitai.servlet.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Splits the request path at the mount point, as Undertow's {@code PathHandler} does, before a
 * servlet deployment sees it: the mount point becomes the resolved path (the context path) and
 * the rest the relative path the servlet mappings match.
 */
final class ContextPath implements HttpHandler {

    private final String point;
    private final HttpHandler next;

    ContextPath(String point, HttpHandler next) {
        this.point = point;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        exchange.setResolvedPath(point);
        exchange.setRelativePath(path.length() > point.length() ? path.substring(point.length()) : "");
        next.handleRequest(exchange);
    }

    @Override
    public String toString() {
        return "ContextPath(" + (point.isEmpty() ? "/" : point) + ") -> " + next;
    }
}
