package io.skitai.core.internal;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.ProxyCallback;
import io.undertow.server.handlers.proxy.ProxyClient;
import io.undertow.server.handlers.proxy.ProxyConnection;
import io.undertow.util.AttachmentKey;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * Undertow's {@link ProxyClient} for forwarded requests: the one target is the address
 * {@link ProxyDestinations} checked for this request, reached through the forward proxy's own
 * pools (one per destination, idle connections kept for the channel keep-alive).
 */
final class ForwardProxyClient implements ProxyClient {

    /** The checked destination of a forwarded request. */
    static final AttachmentKey<Target> TARGET = AttachmentKey.create(Target.class);

    /** A checked destination, as {@code http://address:port}. */
    record Target(URI origin) implements ProxyTarget {}

    private final java.util.function.Supplier<UpstreamClientImpl> client;

    ForwardProxyClient(java.util.function.Supplier<UpstreamClientImpl> client) {
        this.client = client;
    }

    @Override
    public ProxyTarget findTarget(HttpServerExchange exchange) {
        return exchange.removeAttachment(TARGET);
    }

    @Override
    public void getConnection(ProxyTarget target, HttpServerExchange exchange, ProxyCallback<ProxyConnection> callback,
            long timeout, TimeUnit timeUnit) {
        client.get().proxy(((Target) target).origin(), exchange, callback, "");
    }
}
