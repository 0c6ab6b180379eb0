package io.skitai.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Proto;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestWebSocket;
import org.junit.jupiter.api.Test;

/** A websocket through {@code mount("/ws", "@chat")}: the reverse proxy passes the upgrade through. */
class ProxiedWebSocketTest {

    @Test
    void aWebSocketPassesThroughTheReverseProxy() {
        ServerBuilder upstream = ServerBuilder.create();
        upstream.mount("/ws/echo", WebSocket.route(WsConfig.of(WsSpec.SIMPLE), (client, message) ->
                "ECHO:" + message + " for " + client.exchange().header("X-Forwarded-For").orElse("?")));
        TestKit.serve(upstream, up -> {
            ServerBuilder proxy = ServerBuilder.create();
            proxy.alias("@chat", Proto.WS, "127.0.0.1:" + up.port());
            proxy.mount("/ws", "@chat");
            TestKit.serve(proxy, cli -> {
                try (TestWebSocket ws = cli.ws("/ws/echo")) {
                    ws.send("one").send("two");
                    assertThat(ws.next()).isEqualTo("ECHO:one for 127.0.0.1");
                    assertThat(ws.next()).isEqualTo("ECHO:two for 127.0.0.1");
                }
            });
        });
    }
}
