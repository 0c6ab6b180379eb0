package io.skitai.core.internal;

import io.skitai.core.Exchange;
import io.skitai.core.RequestScope;
import java.util.concurrent.Executor;

/** The {@link RequestScope} of a request whose connection switched protocol. */
final class SwitchedScope implements RequestScope {

    private final Exchange exchange;
    private final Executor threads;

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
