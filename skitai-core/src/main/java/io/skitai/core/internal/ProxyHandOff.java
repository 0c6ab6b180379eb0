package io.skitai.core.internal;

import io.skitai.core.Exchange;
import io.skitai.core.Handler;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;

/**
 * The end of a proxied mount's filter chain: when the filters let the request through, the
 * exchange is handed to the (raw Undertow) proxy, which runs on the IO thread once the filters
 * have returned; the request body is still unread, so it streams to the upstream.
 */
final class ProxyHandOff implements Handler {

    /** The raw handler an exchange continues with after its filters. */
    static final AttachmentKey<HttpHandler> NEXT = AttachmentKey.create(HttpHandler.class);

    private final HttpHandler proxy;

    ProxyHandOff(HttpHandler proxy) {
        this.proxy = proxy;
    }

    @Override
    public void handle(Exchange exchange) {
        HttpServerExchange raw = ((UndertowExchange) Exchange.current().orElseThrow()).undertow();
        raw.putAttachment(NEXT, proxy);
    }

    @Override
    public String toString() {
        return proxy.toString();
    }
}
