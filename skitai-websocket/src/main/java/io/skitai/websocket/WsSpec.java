package io.skitai.websocket;

/**
 * How a websocket route runs, as the Python docs' {@code WS_SIMPLE}, {@code WS_THREADSAFE} and
 * {@code WS_GROUPCHAT}. In every spec a client's messages are handled one at a time, in the order
 * they came, on the engine's handler threads (a virtual thread by default); the client's next
 * message is not read before the route returned (back-pressure on a fast sender).
 */
public enum WsSpec {

    /** Each message in, the route's return value out to the same client. */
    SIMPLE,

    /**
     * As {@link #SIMPLE}, and the app may also {@link WsClient#send} from threads of its own at any
     * time: sends are ordered per sending thread, and a sender waits while the client's send queue
     * is full.
     */
    THREADSAFE,

    /**
     * Rooms: clients of the same route with the same path and query parameters share a room
     * ({@link WsConfig#roomParams} narrows which parameters count); a
     * return value goes to everyone in it ({@link WsReply#to} sends to one client), and so do
     * the return values of {@link WsRoute#onOpen} and {@link WsRoute#onClose}.
     */
    GROUPCHAT
}
