package io.skitai.websocket;

import io.skitai.core.Exchange;
import io.skitai.core.Handler;
import io.skitai.core.HttpError;
import io.skitai.websocket.internal.Origins;
import io.skitai.websocket.internal.Rooms;
import io.skitai.websocket.internal.WsHandshake;
import io.skitai.websocket.internal.WsTally;
import java.util.Map;

/**
 * A websocket route, mounted like any handler:
 *
 * <pre>{@code
 * Skitai.mount("/echo", WebSocket.route(WsConfig.of(WsSpec.SIMPLE), (client, message) -> "ECHO:" + message));
 * Skitai.mount("/chat", WebSocket.route(WsConfig.of(WsSpec.GROUPCHAT), new ChatRoute()));
 * Skitai.mount("/search", WebSocket.route(WsConfig.of(WsSpec.SIMPLE).encoding(WsEncoding.JSON), Query.class,
 *         (client, query) -> search(query)));
 * }</pre>
 *
 * A request that is not a websocket handshake is answered 426; a browser handshake from a foreign
 * {@code Origin} 403. Rooms belong to the route (one mount), not to the JVM. When the server records
 * metrics ({@link io.skitai.core.Metrics}), the open sessions and the messages each way are counted
 * per mount point.
 *
 * @param <T> the message type the route takes
 */
public final class WebSocket<T> implements Handler {

    private final WsConfig config;
    private final Class<T> messageType;
    private final WsRoute<T> route;
    private final Rooms rooms = new Rooms();

    private WebSocket(WsConfig config, Class<T> messageType, WsRoute<T> route) {
        if (config == null || messageType == null || route == null) {
            throw new IllegalArgumentException("WebSocket.route needs a config, a message type and a route");
        }
        if (config.encoding() == WsEncoding.XMLRPC && !messageType.isAssignableFrom(XmlRpcMessage.class)) {
            throw new IllegalArgumentException("an XMLRPC route takes XmlRpcMessage, not " + messageType.getName());
        }
        this.config = config;
        this.messageType = messageType;
        this.route = route;
    }

    /** A route taking text messages as {@code String} (binary ones as {@code byte[]} are refused: 1003). */
    public static WebSocket<String> route(WsConfig config, WsRoute<String> route) {
        return new WebSocket<>(config, String.class, route);
    }

    /**
     * A route taking messages as {@code messageType}: {@code String}, {@code byte[]}, {@code Object}
     * (either), {@link XmlRpcMessage} for {@link WsEncoding#XMLRPC}, or with {@link WsEncoding#JSON}
     * any type Jackson decodes JSON into (a record, a {@code Map}...).
     */
    public static <T> WebSocket<T> route(WsConfig config, Class<T> messageType, WsRoute<T> route) {
        return new WebSocket<>(config, messageType, route);
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        if (!exchange.method().equals("GET") || exchange.header("Upgrade").map(u -> !u.equalsIgnoreCase("websocket")).orElse(true)) {
            throw new HttpError(426, "this is a websocket route: open it with a websocket client",
                    Map.of("Upgrade", "websocket", "Connection", "Upgrade"), null);
        }
        Origins.check(exchange, config.allowedOrigins());
        route.onInit(exchange);
        exchange.switchProtocol(new WsHandshake<>(config, messageType, route, rooms, WsTally.of(exchange)));
    }

    @Override
    public String toString() {
        return "WebSocket(" + config.spec() + ", " + config.encoding() + ", " + route.getClass().getName() + ")";
    }
}
