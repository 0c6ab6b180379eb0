package io.skitai.core.internal;

import io.skitai.core.Exchange;

/**
 * The exchange whose handler runs on this thread ({@link Exchange#current()}). Set and restored
 * around every handler call; a handler runs one request per thread, so a thread-local is enough.
 */
public final class CurrentExchange {

    private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

    private CurrentExchange() {}

    /** The exchange bound to this thread, or {@code null}. */
    public static Exchange get() {
        return CURRENT.get();
    }

    /** Binds {@code exchange}; returns what was bound before, to pass to {@link #restore}. */
    static Exchange enter(Exchange exchange) {
        Exchange previous = CURRENT.get();
        CURRENT.set(exchange);
        return previous;
    }

    /** Restores the binding {@link #enter} replaced. */
    static void restore(Exchange previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
