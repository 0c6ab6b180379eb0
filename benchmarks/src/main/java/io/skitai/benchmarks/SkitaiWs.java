package io.skitai.benchmarks;

import io.skitai.core.Run;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.websocket.WebSocket;
import io.skitai.websocket.WsConfig;
import io.skitai.websocket.WsSpec;

/**
 * The Skitai side of {@code benchmarks/ws.sh}: {@code /idle} echoes (SIMPLE), {@code /room} sends
 * each message to everyone in the room of the same query (GROUPCHAT), on the defaults.
 *
 * <pre>java -cp benchmarks/target/skitai-benchmarks.jar io.skitai.benchmarks.SkitaiWs PORT</pre>
 */
public final class SkitaiWs {

    private SkitaiWs() {}

    public static void main(String[] args) {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/idle", WebSocket.route(WsConfig.of(WsSpec.SIMPLE), (client, message) -> message));
        config.mount("/room", WebSocket.route(WsConfig.of(WsSpec.GROUPCHAT), (client, message) -> message));
        SkitaiServer.create(config.build()).start(Run.port(Integer.parseInt(args[0])).address("127.0.0.1"));
        System.out.println("skitai-ws listening on 127.0.0.1:" + args[0]);
    }
}
