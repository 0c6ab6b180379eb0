package io.skitai.was.internal;

import io.skitai.was.Was;

/**
 * Which {@link Was} belongs to the request handled on this thread. A {@code ScopedValue} would fit
 * better but is a preview API in Java 21; handlers run one request per (virtual) thread, so a
 * thread-local set and cleared around the handler call is enough.
 */
public final class CurrentWas {

    private static final ThreadLocal<Was> CURRENT = new ThreadLocal<>();

    private CurrentWas() {}

    /** The context bound to this thread, or {@code null}. */
    public static Was get() {
        return CURRENT.get();
    }

    /** Binds {@code was} to this thread until the returned scope is closed (which restores the previous one). */
    public static Scope enter(Was was) {
        Was previous = CURRENT.get();
        CURRENT.set(was);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** A binding of a {@link Was} to the current thread; close it in a finally block. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {

        /** Restores what was bound before. */
        @Override
        void close();
    }
}
