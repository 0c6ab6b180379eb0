package io.skitai.examples.chat;

import io.skitai.websocket.WsClient;
import io.skitai.websocket.WsRoute;

/** The chat room of the Python docs' group-chat example: who entered, who said what, who left. */
final class ChatRoute implements WsRoute<String> {

    @Override
    public Object onOpen(WsClient client) {
        return "Client " + client.id() + " has entered";
    }

    @Override
    public Object onMessage(WsClient client, String message) {
        return "Client " + client.id() + " said: " + message;
    }

    @Override
    public Object onClose(WsClient client, int code) {
        return "Client " + client.id() + " has left";
    }
}
