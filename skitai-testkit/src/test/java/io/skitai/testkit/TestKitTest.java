package io.skitai.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.Exchange;
import io.skitai.core.Run;
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
        SkitaiServer server = SkitaiServer.create();
        server.mount("/a", (Exchange ex) -> ex.send("mounted at " + ex.mountPoint() + ", path " + ex.pathInfo()));
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
        SkitaiServer server = SkitaiServer.create();
        server.mount("/", (Exchange ex) -> ex.send("on " + Thread.currentThread().isVirtual()));
        TestKit.serve(TestKit.run().threads(2), server, cli -> assertThat(cli.get("/").text()).isEqualTo("on false"));
    }

    @Test
    void rethrowsWhatTheTestThrowsAndStillStops() {
        SkitaiServer server = SkitaiServer.create();
        server.mount("/", (Exchange ex) -> ex.send("x"));
        assertThatThrownBy(() -> TestKit.serve(server, cli -> assertThat(cli.get("/").text()).isEqualTo("y")))
                .isInstanceOf(AssertionError.class);
        assertThat(server.isRunning()).isFalse();
        SkitaiServer other = SkitaiServer.create();
        other.mount("/", (Exchange ex) -> ex.send("x"));
        assertThatThrownBy(() -> TestKit.serve(other, cli -> {
            throw new IOException("checked and unchanged");
        })).isInstanceOf(IOException.class).hasMessage("checked and unchanged");
        assertThat(other.isRunning()).isFalse();
    }

    @Test
    void findsFreePorts() {
        int port = TestKit.freePort();
        assertThat(port).isBetween(1, 65535);
        SkitaiServer server = SkitaiServer.create();
        server.mount("/", (Exchange ex) -> ex.send("fixed"));
        TestKit.serve(TestKit.run().withPort(port), server, cli -> {
            assertThat(cli.port()).isEqualTo(port);
            assertThat(cli.get("/").text()).isEqualTo("fixed");
        });
    }
}
