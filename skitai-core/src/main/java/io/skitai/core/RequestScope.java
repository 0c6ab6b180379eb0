package io.skitai.core;

/**
 * Runs work on behalf of one request after its handler returned, for a connection that
 * {@linkplain Exchange#switchProtocol(ProtocolSwitch) switched protocol}: each task runs on the
 * server's handler threads (a virtual thread by default) with the request's {@link Exchange} as
 * {@code Exchange.current()}, so {@code Was.current()} and its calls work as in the handler.
 */
public interface RequestScope {

    /** Runs {@code task} on the handler threads, with the request as the current exchange. */
    void execute(Runnable task);

    /** The request that switched protocol (its path, query, headers, cookies and attributes). */
    Exchange exchange();
}
