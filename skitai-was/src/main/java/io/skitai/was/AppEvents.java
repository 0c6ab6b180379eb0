package io.skitai.was;

/**
 * The event bus of the app serving a request; the app provides it (Atila does) and {@link Was}
 * forwards {@link Was#emit}, {@link Was#emitAfter} and {@link Was#broadcast} to it, so this module
 * does not depend on any framework.
 */
public interface AppEvents {

    /** Calls the app's handlers of {@code event} now, on this thread; what they throw propagates. */
    void emit(Was was, String event, Object... args);

    /** Calls the app's handlers of {@code event} once the response of {@code was}'s request is complete. */
    void emitAfter(Was was, String event, Object... args);

    /** Calls the handlers of {@code event} of every started app of the same server that listens for broadcasts. */
    void broadcast(Was was, String event, Object... args);

    /** Whether this bus delivers events; {@link #none()} does not (so {@code was.setlu} skips its event). */
    default boolean delivers() {
        return true;
    }

    /** Events for requests not served by an app with an event bus: every call fails. */
    static AppEvents none() {
        return new AppEvents() {
            @Override
            public boolean delivers() {
                return false;
            }

            @Override
            public void emit(Was was, String event, Object... args) {
                throw fail(event);
            }

            @Override
            public void emitAfter(Was was, String event, Object... args) {
                throw fail(event);
            }

            @Override
            public void broadcast(Was was, String event, Object... args) {
                throw fail(event);
            }

            private IllegalStateException fail(String event) {
                return new IllegalStateException("event '" + event + "': the app serving this request has no event bus");
            }
        };
    }
}
