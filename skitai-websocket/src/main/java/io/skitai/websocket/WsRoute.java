package io.skitai.websocket;

import io.skitai.core.Exchange;

/**
 * What a websocket route does: the Python docs' message handling ({@link #onMessage}) and events
 * ({@code wsinit}: {@link #onInit}, {@code wsopened}: {@link #onOpen}, {@code wsclosed}:
 * {@link #onClose}). Every method runs on the engine's handler threads with {@code Was.current()}
 * available, one at a time per client. A non-null return value is sent back: to the client, or in
 * a {@link WsSpec#GROUPCHAT} room to everyone (a {@link WsReply} to one client).
 *
 * @param <T> the message type: {@code String} (or {@code byte[]}) as they come, or what JSON decodes into
 */
@FunctionalInterface
public interface WsRoute<T> {

    /** A message from {@code client}. */
    Object onMessage(WsClient client, T message) throws Exception;

    /**
     * The handshake request, before the connection opens (Python's {@code wsinit}): throw an
     * {@code HttpError} to refuse it (a 401, 403...).
     */
    default void onInit(Exchange request) throws Exception {}

    /** The connection is open (Python's {@code wsopened}); the return value is sent, as above. */
    default Object onOpen(WsClient client) throws Exception {
        return null;
    }

    /**
     * The connection closed (Python's {@code wsclosed}); in a room the return value goes to the
     * clients still there. {@code code} is the close code (1006: the connection dropped).
     */
    default Object onClose(WsClient client, int code) throws Exception {
        return null;
    }
}
