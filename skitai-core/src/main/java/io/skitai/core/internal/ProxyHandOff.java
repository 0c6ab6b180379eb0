package io.skitai.core.internal;

import io.skitai.core.Exchange;
import io.skitai.core.Handler;
import io.undertow.server.HttpHandler;

/**
 * The end of a proxied mount's filter chain: when the filters let the request through, the
 * exchange is handed over ({@link Exchange#handOver}) to the (raw Undertow) proxy, which takes it
 * on to its IO thread; the request body is still unread, so it streams to the upstream.
 */
final class ProxyHandOff implements Handler {

    private final HttpHandler proxy;

    ProxyHandOff(HttpHandler proxy) {
        this.proxy = proxy;
    }

    @Override
    public void handle(Exchange exchange) {
        exchange.handOver(proxy);
    }

    @Override
    public String toString() {
        return proxy.toString();
    }
}
