package io.skitai.websocket;

import io.skitai.core.Run;
import io.skitai.core.Skitai;

/** A group chat meant to run with several workers: "who" answers the process id, anything else goes to the room. */
public final class ChatWorkersMain {

    private ChatWorkersMain() {}

    public static void main(String[] args) {
        Skitai.mount("/room", WebSocket.route(WsConfig.of(WsSpec.GROUPCHAT), (client, message) ->
                message.equals("who") ? WsReply.to(client.id(), "pid=" + ProcessHandle.current().pid())
                        : "said " + message + " via " + ProcessHandle.current().pid()));
        Skitai.run(Run.port(5000).name("wschat").args(args));
    }
}
