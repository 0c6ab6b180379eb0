/**
 * Websocket routes on Undertow's websocket core: the simple, thread-safe and group-chat specs of
 * the Python docs, their events, message encodings (JSON, XML-RPC) and limits. Mount one with
 * {@code Skitai.mount("/echo", WebSocket.route(WsConfig.of(WsSpec.SIMPLE), (client, m) -> "ECHO:" + m))}.
 */
package io.skitai.websocket;
