package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Proto;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import io.undertow.Handlers;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code was.ws}: a websocket to an upstream (Undertow's own websocket server, mounted raw), its
 * messages collected as calls; an alias member that cannot be reached is passed over.
 */
class WsUpstreamTest {

    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path dir;

    /** Echoes each text message as "echo:&lt;text&gt;"; "bye" closes with 1000. */
    private static ServerBuilder upstream() {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/ws", Handlers.websocket((exchange, channel) -> {
            channel.getReceiveSetter().set(new AbstractReceiveListener() {
                @Override
                protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
                    String text = message.getData(); // once: Undertow hands the text over and forgets it
                    if (text.equals("bye")) {
                        WebSockets.sendClose(1000, "bye", ch, null);
                    } else {
                        WebSockets.sendText("echo:" + text + " " + exchange.getRequestHeader("X-Gtxid"), ch, null);
                    }
                }
            });
            channel.resumeReceives();
        }));
        return config;
    }

    @Test
    void messagesComeBackAsCallsInOrder() {
        TestKit.serve(upstream(), up -> {
            ServerBuilder config = ServerBuilder.create();
            config.alias("@echo", Proto.WS, "127.0.0.1:" + TestKit.freePort(), "127.0.0.1:" + up.port());
            config.mount("/", ex -> {
                Was was = Was.current();
                List<Object> out = new ArrayList<>();
                for (int round = 0; round < 2; round++) { // the unreachable member comes first in one of them
                    try (WsSession ws = was.ws("@echo/ws")) {
                        Call late = ws.receive();
                        out.add(late.dispatch(0.3).status());     // nothing yet: a timeout, which takes no message
                        ws.send("a").send("b");
                        out.add(ws.receive().dispatch(5).text());
                        out.add(ws.receive().dispatch(5).text());
                        ws.send("bye");
                        out.add(ws.receive().dispatch(5).status()); // closed before a message came
                    }
                }
                out.add(was.ws("@echo/ws", Map.of("json", true)).dispatch(5).text());
                ex.json(out);
            });
            TestKit.serve(config, cli -> {
                List<Object> r = cli.get("/").data();
                String gtxid = " GTID-";
                assertThat(r).hasSize(9);
                for (int round = 0; round < 2; round++) {
                    assertThat(r.get(round * 4)).isEqualTo(Result.TIMEOUT);
                    assertThat((String) r.get(round * 4 + 1)).startsWith("echo:a" + gtxid);
                    assertThat((String) r.get(round * 4 + 2)).startsWith("echo:b" + gtxid);
                    assertThat(r.get(round * 4 + 3)).isEqualTo(Result.EXCEPTION);
                }
                assertThat((String) r.get(8)).startsWith("echo:{\"json\":true}" + gtxid);
            });
        });
    }

    @Test
    void wssTrustsWhatTheOtherUpstreamCallsTrust() throws Exception {
        TestCerts.Ca ca = TestCerts.ca(dir, "ws-ca");
        TestCerts.Server cert = TestCerts.server(dir, ca, "ws-upstream", "localhost", "127.0.0.1");
        ServerBuilder secure = upstream();
        secure.enableSsl(cert.certificate(), cert.key());
        TestKit.serve(secure, up -> {
            ServerBuilder config = ServerBuilder.create();
            config.alias("@secure", Proto.WSS, "127.0.0.1:" + up.port());
            config.mount("/", ex -> ex.json(Map.of("reply", Was.current().ws("@secure/ws", "over tls").dispatch(5).text())));
            TestKit.serve(config.setUpstreamTrust(ca.pem()), cli ->
                    assertThat(cli.get("/").<Map<String, Object>>data().get("reply").toString()).startsWith("echo:over tls GTID-"));
        });
    }
}
