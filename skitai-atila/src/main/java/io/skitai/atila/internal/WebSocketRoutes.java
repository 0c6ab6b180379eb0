package io.skitai.atila.internal;

import io.skitai.atila.WebSocketRoute;
import io.skitai.core.Exchange;
import io.skitai.core.Key;
import io.skitai.was.Was;
import io.skitai.websocket.WebSocket;
import io.skitai.websocket.WsClient;
import io.skitai.websocket.WsConfig;
import io.skitai.websocket.WsRoute;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;

/**
 * Turns a {@link WebSocketRoute} method into the endpoint of its handshake: the route's parameters
 * are bound once at the handshake (a bad one is its 400), then each message and event of the
 * client calls the methods with the same bindings, its message and its {@link WsClient}.
 */
final class WebSocketRoutes {

    /** The path variables of a websocket's handshake, kept with its request. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Key<Map<String, String>> VARIABLES = (Key) Key.of("atila.ws.variables", Map.class);

    private WebSocketRoutes() {}

    /** The handshake endpoint of {@code method} of {@code controller}. */
    static Endpoint endpoint(Object controller, Method method, WebSocketRoute ann) {
        int messageIndex = Binders.messageIndex(method);
        if (messageIndex < 0) {
            throw new IllegalStateException(Messages.noWebSocketMessage(method));
        }
        Endpoint onMessage = Endpoint.of(controller, method, Binders.ofWebSocket(method, messageIndex));
        Endpoint onOpen = event(controller, method, ann.onOpen());
        Endpoint onClose = event(controller, method, ann.onClose());
        WsConfig config = WsConfig.of(ann.spec()).keepAlive(Duration.ofSeconds(ann.keepAlive())).encoding(ann.encoding())
                .roomParams(ann.roomParams()).allowOrigins(ann.allowOrigins());
        @SuppressWarnings("unchecked")
        Class<Object> type = (Class<Object>) box(method.getParameterTypes()[messageIndex]);
        WebSocket<Object> socket = WebSocket.route(config, type, new WsRoute<>() {
            @Override
            public Object onMessage(WsClient client, Object message) throws Exception {
                return onMessage.invoke(call(client, message));
            }

            @Override
            public Object onOpen(WsClient client) throws Exception {
                return onOpen == null ? null : onOpen.invoke(call(client, null));
            }

            @Override
            public Object onClose(WsClient client, int code) throws Exception {
                return onClose == null ? null : onClose.invoke(call(client, null));
            }
        });
        return Endpoint.of(onMessage + " (websocket)", call -> {
            // Binds every route parameter once, now: a missing or bad one refuses the handshake.
            onMessage.bindOnly(new Call(call.exchange(), call.was(), call.pathVariables(), null, null));
            call.exchange().put(VARIABLES, call.pathVariables());
            socket.handle(call.exchange());
            return null;
        });
    }

    private static Endpoint event(Object controller, Method route, String name) {
        if (name.isEmpty()) {
            return null;
        }
        for (Method m : controller.getClass().getMethods()) {
            if (m.getName().equals(name)) {
                return Endpoint.of(controller, m, Binders.ofWebSocket(m, -1));
            }
        }
        throw new IllegalStateException(Messages.noWebSocketEvent(route, name));
    }

    private static Call call(WsClient client, Object message) {
        Exchange exchange = client.exchange();
        return new Call(exchange, Was.current(), exchange.get(VARIABLES).orElse(Map.of()), client, message);
    }

    private static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? Object.class : type;
    }
}
