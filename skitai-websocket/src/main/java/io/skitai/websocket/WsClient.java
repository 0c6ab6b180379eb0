package io.skitai.websocket;

import io.skitai.core.Exchange;
import java.util.Optional;

/**
 * One connected websocket client (Python's {@code was.websocket} and {@code was.wsclient()}). Its
 * {@link #exchange()} is the request that opened it: path, query parameters, headers and cookies.
 */
public interface WsClient {

    /**
     * The client whose event or message this thread is handling (Python's {@code was.websocket}):
     * {@code WsClient.current().send("...")} from anywhere the route calls.
     *
     * @throws IllegalStateException outside a websocket route's callback
     */
    static WsClient current() {
        return Exchange.current().flatMap(ex -> ex.get(io.skitai.websocket.internal.WsKeys.CLIENT))
                .orElseThrow(() -> new IllegalStateException("WsClient.current() outside a websocket route's event or message"));
    }

    /** The client's id, unique in this server process (Python's {@code was.wsclient()}). */
    long id();

    /**
     * Sends a message, encoded as the route's {@link WsEncoding}: a {@code String} as a text frame,
     * a {@code byte[]} as a binary frame, anything else as JSON (or an XML-RPC response) text. Safe
     * from any thread; messages from one thread go out in order. When the client's send queue is
     * full (it does not read), the sender waits up to the route's keep-alive; after that the client
     * is closed (1008) and this throws.
     *
     * @throws IllegalStateException when the client is closed
     */
    void send(Object message);

    /** Closes the connection with {@code code} (1000: normal) and a short reason. */
    void close(int code, String reason);

    /** Whether the connection is still open. */
    boolean isOpen();

    /** The request that opened the websocket. */
    Exchange exchange();

    /** The client's room, for a {@link WsSpec#GROUPCHAT} route. */
    Optional<WsRoom> room();
}
