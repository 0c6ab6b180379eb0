package io.skitai.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.Exchange;
import io.skitai.core.Run;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** One-off servers in three lines. */
class TestKitTest {

    @Test
    void servesAHandlerInThreeLines() {
        TestKit.serve((Exchange ex) -> ex.send("hello"), cli ->
                assertThat(cli.get("/").text()).isEqualTo("hello"));
    }

    @Test
    void servesAConfiguredServerOnAFreeLoopbackPort() {
        ServerBuilder serverConfig = ServerBuilder.create();
        serverConfig.mount("/a", (Exchange ex) -> ex.send("mounted at " + ex.mountPoint() + ", path " + ex.pathInfo()));
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        TestKit.serve(server, cli -> {
            assertThat(cli.host()).isEqualTo("127.0.0.1");
            assertThat(cli.port()).isEqualTo(server.port()).isNotEqualTo(Run.DEFAULT_PORT);
            assertThat(cli.get("/a/b").text()).isEqualTo("mounted at /a, path /b");
            assertThat(cli.get("/nothing").status()).isEqualTo(404);
        });
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void takesRunOptions() {
        ServerBuilder serverConfig = ServerBuilder.create();
        serverConfig.mount("/", (Exchange ex) -> ex.send("on " + Thread.currentThread().isVirtual()));
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        TestKit.serve(TestKit.run().threads(2), server, cli -> assertThat(cli.get("/").text()).isEqualTo("on false"));
    }

    @Test
    void rethrowsWhatTheTestThrowsAndStillStops() {
        ServerBuilder serverConfig = ServerBuilder.create();
        serverConfig.mount("/", (Exchange ex) -> ex.send("x"));
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        assertThatThrownBy(() -> TestKit.serve(server, cli -> assertThat(cli.get("/").text()).isEqualTo("y")))
                .isInstanceOf(AssertionError.class);
        assertThat(server.isRunning()).isFalse();
        ServerBuilder otherConfig = ServerBuilder.create();
        otherConfig.mount("/", (Exchange ex) -> ex.send("x"));
        SkitaiServer other = SkitaiServer.create(otherConfig.build());
        assertThatThrownBy(() -> TestKit.serve(other, cli -> {
            throw new IOException("checked and unchanged");
        })).isInstanceOf(IOException.class).hasMessage("checked and unchanged");
        assertThat(other.isRunning()).isFalse();
    }

    @Test
    void findsFreePorts() {
        int port = TestKit.freePort();
        assertThat(port).isBetween(1, 65535);
        ServerBuilder serverConfig = ServerBuilder.create();
        serverConfig.mount("/", (Exchange ex) -> ex.send("fixed"));
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        TestKit.serve(TestKit.run().withPort(port), server, cli -> {
            assertThat(cli.port()).isEqualTo(port);
            assertThat(cli.get("/").text()).isEqualTo("fixed");
        });
    }
}
