package io.skitai.websocket;

/**
 * A return value of a {@link WsSpec#GROUPCHAT} route meant for one client of the room only (the
 * Python docs' {@code return "Hi", clients[0]}):
 *
 * <pre>{@code
 * return WsReply.to(client.room().orElseThrow().clients().get(0), "Hi");
 * }</pre>
 */
public record WsReply(long clientId, Object message) {

    /** {@code message} for the client {@code clientId} only. */
    public static WsReply to(long clientId, Object message) {
        return new WsReply(clientId, message);
    }
}
