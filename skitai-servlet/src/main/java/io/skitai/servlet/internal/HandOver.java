package io.skitai.servlet.internal;

import io.skitai.core.Exchange;
import io.skitai.core.Handler;
import io.undertow.server.HttpHandler;

/**
 * The handler of a mounted servlet app: the engine runs it like any handler (its thread, filters,
 * error boundary, {@code Exchange.current()}), and it hands the request to the deployment.
 */
final class HandOver implements Handler {

    private final HttpHandler deployment;
    private final String description;

    HandOver(HttpHandler deployment, String description) {
        this.deployment = deployment;
        this.description = description;
    }

    @Override
    public void handle(Exchange exchange) {
        exchange.handOver(deployment);
    }

    @Override
    public String toString() {
        return "Servlets(" + description + ")";
    }
}
