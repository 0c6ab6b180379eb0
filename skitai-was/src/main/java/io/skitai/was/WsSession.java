package io.skitai.was;

/**
 * A websocket to an upstream, from {@code was.ws("@alias/path")} ({@code Proto.WS}/{@code WSS}
 * aliases, or a {@code ws://}/{@code wss://} URL): it opens at once, without blocking; messages go
 * out with {@link #send} and come back one {@link Call} each from {@link #receive}, collected like
 * any call. Close it when done (it closes with the request's server at the latest).
 *
 * <pre>{@code
 * try (WsSession ws = was.ws("@chat/echo")) {
 *     Call reply = ws.send("hello").receive();
 *     return reply.dispatch(5).text();
 * }
 * }</pre>
 */
public interface WsSession extends AutoCloseable {

    /**
     * Sends a message: a {@code String} as text, {@code byte[]} as binary, anything else as JSON
     * text. Waits (up to 30 s) for the connection to open.
     *
     * @throws UpstreamException when it could not open or has closed
     */
    WsSession send(Object message);

    /**
     * The next message, as a call: its {@link Result#data()} is the {@code String} (or
     * {@code byte[]}) received, {@link Result#text()} its text; it is status 2 when the connection
     * closes first. Each call of {@code receive} takes the next message in order; a receive that
     * times out leaves its message to the next one.
     */
    Call receive();

    /** Whether the connection is open (false before it opened and after it closed). */
    boolean isOpen();

    /** Closes with 1000 (normal). */
    @Override
    void close();
}
