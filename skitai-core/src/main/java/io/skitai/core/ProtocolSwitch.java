package io.skitai.core;

import io.undertow.server.HttpServerExchange;

/**
 * Hands a request's connection over to another protocol (skitai-websocket's handshake), from
 * inside a handler: see {@link Exchange#switchProtocol(ProtocolSwitch)}. It gets Undertow's own
 * exchange, to answer the handshake and take the connection over, and the request's
 * {@link RequestScope}, to run code later as part of this request. An SPI for Skitai's modules
 * built on Undertow; applications mount those modules instead.
 */
@FunctionalInterface
public interface ProtocolSwitch {

    /**
     * Answers the handshake on {@code exchange} (for example with Undertow's
     * {@code exchange.upgradeChannel(..)}) or refuses it by throwing an {@link HttpError}.
     */
    void start(HttpServerExchange exchange, RequestScope scope) throws Exception;
}
