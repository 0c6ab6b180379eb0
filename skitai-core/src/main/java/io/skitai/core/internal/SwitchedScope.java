package io.skitai.core.internal;

import io.skitai.core.Exchange;
import io.skitai.core.RequestScope;
import java.util.concurrent.Executor;

/** The {@link RequestScope} of a request whose connection switched protocol. */
final class SwitchedScope implements RequestScope {

    private final Exchange exchange;
    private final Executor threads;

    /**
     * Hands {@code raw}'s connection to {@code protocolSwitch} with the scope of {@code exchange}:
     * HTTP/1.1 only (400 otherwise), before anything of the response went out.
     */
    static void start(io.undertow.server.HttpServerExchange raw, io.skitai.core.ProtocolSwitch protocolSwitch,
            Exchange exchange, Executor threads) {
        if (raw.isResponseStarted()) {
            throw new IllegalStateException("switchProtocol after the response started");
        }
        if (!raw.getProtocol().equals(io.undertow.util.Protocols.HTTP_1_1)) {
            throw new io.skitai.core.HttpError(400, "a protocol switch needs HTTP/1.1 (this request came over "
                    + raw.getProtocol() + ")");
        }
        try {
            protocolSwitch.start(raw, new SwitchedScope(exchange, threads));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the protocol switch failed: " + e.getMessage(), e);
        }
    }

    SwitchedScope(Exchange exchange, Executor threads) {
        this.exchange = exchange;
        this.threads = threads;
    }

    @Override
    public void execute(Runnable task) {
        threads.execute(() -> {
            Exchange previous = CurrentExchange.enter(exchange);
            try {
                task.run();
            } finally {
                CurrentExchange.restore(previous);
            }
        });
    }

    @Override
    public Exchange exchange() {
        return exchange;
    }
}
