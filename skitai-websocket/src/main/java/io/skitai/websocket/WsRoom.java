package io.skitai.websocket;

import java.util.List;

/** The clients of a {@link WsSpec#GROUPCHAT} route that share its path and query parameters. */
public interface WsRoom {

    /** The room's key: the request path and its sorted query parameters (those of {@link WsConfig#roomParams}). */
    String key();

    /** The ids of the clients in the room now, in the order they entered. */
    List<Long> clients();

    /** Sends {@code message} to every client in the room. */
    void send(Object message);

    /** Sends {@code message} to client {@code clientId} if it is in the room; false if it is not. */
    boolean send(Object message, long clientId);
}
