package io.skitai.core.internal;

/**
 * What waits in an {@link UpstreamPool} for a connection and then uses it: a was request
 * ({@link UpstreamExchange}) or a proxied one ({@link ProxyGrant}). The pool sets {@link #since}
 * and {@link #connection} under its lock, then calls {@link #start} outside it.
 */
abstract class PoolGrant {

    /** When it started waiting or running, in nanos (pool lock). */
    long since;
    /** The granted connection (set under the pool lock before the start). */
    volatile UpstreamConnection connection;

    /**
     * The IO thread the connection must run on (Undertow's proxy handler drives the upstream
     * connection from the request's own IO thread); null: any.
     */
    org.xnio.XnioIoThread thread() {
        return null;
    }

    /** Whether {@code c} may serve this. */
    final boolean fits(UpstreamConnection c) {
        org.xnio.XnioIoThread t = thread();
        return t == null || t == c.ioThread();
    }

    /** Uses the granted connection; gives it back with {@link UpstreamPool#release} when done. */
    abstract void start(UpstreamConnection granted);

    /** No connection came, or the use failed (a time limit, a stop). */
    abstract void fail(Throwable failure);

    /** {@link #fail}s on the granted connection's thread when it has one (a time limit, a stop). */
    final void failWhereItRuns(Throwable failure) {
        UpstreamConnection c = connection;
        if (c == null) {
            fail(failure);
        } else {
            c.run(() -> fail(failure));
        }
    }
}
