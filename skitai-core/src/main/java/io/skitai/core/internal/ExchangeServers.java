package io.skitai.core.internal;

import io.skitai.core.Exchange;
import java.util.Optional;

/** Which server an exchange belongs to, without a per-request lookup: the exchange carries it. */
public final class ExchangeServers {

    private ExchangeServers() {}

    /** The owner the engine serving {@code exchange} was started with, if it is of {@code type}. */
    public static <T> Optional<T> of(Exchange exchange, Class<T> type) {
        if (exchange instanceof UndertowExchange u && type.isInstance(u.owner())) {
            return Optional.of(type.cast(u.owner()));
        }
        return Optional.empty();
    }
}
