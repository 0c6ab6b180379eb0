package io.skitai.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.EmbeddedRedis;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestWebSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two servers sharing their state on one Redis (as two machines would): a room message reaches the
 * room's clients on both, over Redis pub/sub. Skipped where the embedded redis-server cannot run.
 */
@EnabledOnOs(OS.LINUX)
class RoomsAcrossMachinesTest {

    @RegisterExtension
    static final EmbeddedRedis REDIS = new EmbeddedRedis();

    private static SkitaiServer machine(String name) {
        ServerBuilder config = ServerBuilder.create();
        config.processes().shareStateOnRedis(REDIS.uri(0));
        config.mount("/room", WebSocket.route(WsConfig.of(WsSpec.GROUPCHAT), (client, message) -> name + " heard " + message));
        return SkitaiServer.create(config.build());
    }

    @Test
    void aRoomMessageReachesTheRoomOnTheOtherServer() {
        TestKit.serve(machine("one"), one -> TestKit.serve(machine("two"), two -> {
            try (TestWebSocket a = one.ws("/room?r=7"); TestWebSocket b = two.ws("/room?r=7");
                 TestWebSocket elsewhere = two.ws("/room?r=8")) {
                a.send("hi");
                assertThat(a.nextText()).isEqualTo("one heard hi");
                assertThat(b.nextText()).as("the same room on the other server").isEqualTo("one heard hi");
                b.send("hello");
                assertThat(b.nextText()).isEqualTo("two heard hello");
                assertThat(a.nextText()).isEqualTo("two heard hello");
                elsewhere.send("mine");
                assertThat(elsewhere.nextText()).isEqualTo("two heard mine");
                a.send("last");
                assertThat(a.nextText()).isEqualTo("one heard last");
                assertThat(b.nextText()).as("nothing from room 8 came in between").isEqualTo("one heard last");
            }
        }));
    }
}
