package io.skitai.websocket.internal;

import io.skitai.core.HttpError;
import io.skitai.core.ProtocolSwitch;
import io.skitai.core.RequestScope;
import io.skitai.websocket.WsConfig;
import io.skitai.websocket.WsRoute;
import io.undertow.server.HttpServerExchange;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.spi.AsyncWebSocketHttpServerExchange;

/** Answers a route's websocket handshake with Undertow's and opens a {@link WsConnection} on the channel. */
public final class WsHandshake<T> implements ProtocolSwitch {

    private final WsConfig config;
    private final Class<T> messageType;
    private final WsRoute<T> route;
    private final Rooms rooms;
    private final WsTally tally;

    /** The handshake of a route's websocket, its sessions and messages counted in {@code tally}. */
    public WsHandshake(WsConfig config, Class<T> messageType, WsRoute<T> route, Rooms rooms, WsTally tally) {
        this.config = config;
        this.messageType = messageType;
        this.route = route;
        this.rooms = rooms;
        this.tally = tally;
    }

    @Override
    public void start(HttpServerExchange exchange, RequestScope scope) {
        AsyncWebSocketHttpServerExchange facade = new AsyncWebSocketHttpServerExchange(exchange, rooms.channels());
        LimitedHandshake handshake = new LimitedHandshake(config.maxFrameBytes());
        if (!handshake.matches(facade)) {
            throw new HttpError(400, "not a websocket handshake this server speaks: it needs Sec-WebSocket-Version: 13"
                    + " and a Sec-WebSocket-Key");
        }
        if (config.spec() == io.skitai.websocket.WsSpec.GROUPCHAT) {
            rooms.joinWorkers(scope.exchange().server().workerChannel(), "skitai.ws " + scope.exchange().mountPoint());
        }
        exchange.upgradeChannel((connection, upgraded) -> {
            WebSocketChannel channel = handshake.createChannel(facade, connection, facade.getBufferPool());
            new WsConnection<>(channel, config, messageType, route, rooms, scope, tally).open();
        });
        handshake.handshake(facade);
    }
}
