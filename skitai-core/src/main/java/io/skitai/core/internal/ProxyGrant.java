package io.skitai.core.internal;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.ProxyCallback;
import io.undertow.server.handlers.proxy.ProxyConnection;
import io.undertow.util.AttachmentKey;
import org.xnio.IoUtils;

/**
 * A proxied request's turn in an {@link UpstreamPool}: hands the granted connection to Undertow's
 * proxy handler and gives it back when the exchange completes (reusable when the whole answer was
 * relayed and the connection was not upgraded). A connection that never came marks the exchange
 * for a 502.
 */
final class ProxyGrant extends PoolGrant {

    /** Set on an exchange whose upstream could not be reached or failed: its 503 becomes a 502. */
    static final AttachmentKey<Throwable> UPSTREAM_FAILED = AttachmentKey.create(Throwable.class);

    private final UpstreamPool pool;
    private final HttpServerExchange exchange;
    private final ProxyCallback<ProxyConnection> callback;
    private final String targetPath;

    ProxyGrant(UpstreamPool pool, HttpServerExchange exchange, ProxyCallback<ProxyConnection> callback, String targetPath) {
        this.pool = pool;
        this.exchange = exchange;
        this.callback = callback;
        this.targetPath = targetPath;
    }

    @Override
    org.xnio.XnioIoThread thread() {
        return exchange.getIoThread();
    }

    @Override
    void start(UpstreamConnection granted) {
        exchange.addExchangeCompleteListener((ex, next) -> {
            if (ex.isUpgrade() || granted.client().isUpgraded()) {
                pool.detach(this, granted); // a websocket tunnel now: the proxy handler closes it with the client
            } else {
                pool.release(this, granted, granted.isOpen());
            }
            next.proceed();
        });
        callback.completed(exchange, new ProxyConnection(granted.client(), targetPath));
    }

    @Override
    void fail(Throwable failure) {
        UpstreamConnection c = connection;
        exchange.putAttachment(UPSTREAM_FAILED, failure);
        if (c == null) {
            callback.failed(exchange);
        } else {
            IoUtils.safeClose(c.client()); // a time limit while relaying: the proxy handler sees the end
        }
    }

    /** Turns the proxy handler's 503 for an upstream that could not be reached or failed into 502. */
    static void answer502WhenUpstreamFails(io.undertow.server.HttpServerExchange exchange) {
        exchange.addResponseCommitListener(ex -> {
            if (ex.getStatusCode() == 503 && ex.getAttachment(UPSTREAM_FAILED) != null) {
                ex.setStatusCode(502);
            }
        });
    }
}
