package io.skitai.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestWebSocket;
import java.io.IOException;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The defaults that protect a websocket route: sizes, protocol violations, idle clients, origins, slow readers. */
class WebSocketLimitsTest {

    private static final Duration SHORT = Duration.ofSeconds(10);

    private static ServerBuilder echo(WsConfig ws) {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/echo", WebSocket.route(ws, (client, message) -> "ECHO:" + message.length()));
        return config;
    }

    @Test
    void anOversizedFrameOrMessageIsClosedWith1009() {
        TestKit.serve(echo(WsConfig.of(WsSpec.SIMPLE)), cli -> {
            try (TestWebSocket ws = cli.ws("/echo")) {
                ws.send("x".repeat(60 * 1024));
                assertThat(ws.next()).as("under both limits").isEqualTo("ECHO:" + 60 * 1024);
            }
            try (RawWs ws = new RawWs(cli.port(), "/echo")) {
                ws.frame(0x81, "y".repeat(100 * 1024).getBytes(StandardCharsets.UTF_8), true);
                assertThat(ws.closeCode()).as("one 100 KiB frame").isEqualTo(1009);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            try (TestWebSocket ws = cli.ws("/echo")) {
                for (int i = 0; i < 40; i++) { // 40 frames of 32 KiB: 1.25 MiB in one message
                    ws.socket().sendText("z".repeat(32 * 1024), i == 39).orTimeout(10, TimeUnit.SECONDS)
                            .exceptionally(e -> null).join();
                }
                assertThat(ws.closeCode(SHORT)).as("a 1.25 MiB message").isEqualTo(1009);
            }
        });
    }

    @Test
    void protocolViolationsAreClosedWithTheRightCode() {
        TestKit.serve(echo(WsConfig.of(WsSpec.SIMPLE)), cli -> {
            int port = cli.port();
            assertThat(violation(port, ws -> ws.frame(0x81, "hi".getBytes(StandardCharsets.UTF_8), false)))
                    .as("an unmasked client frame").isEqualTo(1002);
            assertThat(violation(port, ws -> ws.frame(0xC1, "hi".getBytes(StandardCharsets.UTF_8), true)))
                    .as("a reserved bit").isEqualTo(1002);
            assertThat(violation(port, ws -> ws.frame(0x83, "hi".getBytes(StandardCharsets.UTF_8), true)))
                    .as("a reserved opcode").isEqualTo(1002);
            assertThat(violation(port, ws -> ws.frame(0x09, "hi".getBytes(StandardCharsets.UTF_8), true)))
                    .as("a fragmented ping").isEqualTo(1002);
            assertThat(violation(port, ws -> ws.frame(0x81, new byte[] {(byte) 0xC3, 0x28}, true)))
                    .as("invalid UTF-8 in a text frame").isEqualTo(1007);
        });
    }

    @FunctionalInterface
    interface Violation {
        void send(RawWs ws) throws IOException;
    }

    private static int violation(int port, Violation violation) {
        try (RawWs ws = new RawWs(port, "/echo")) {
            ws.text("fine");
            assertThat(new String(ws.read().payload(), StandardCharsets.UTF_8)).isEqualTo("ECHO:4");
            violation.send(ws);
            return ws.closeCode();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aClientThatSaysNothingIsPingedThenClosedAfterTheKeepAlive() throws Exception {
        TestKit.serve(echo(WsConfig.of(WsSpec.SIMPLE).keepAlive(Duration.ofSeconds(1))), cli -> {
            try (RawWs ws = new RawWs(cli.port(), "/echo")) {
                RawWs.Frame first = ws.read();
                assertThat(first.opcode()).as("a ping after half the keep-alive").isEqualTo(9);
                assertThat(ws.closeCode()).as("never answered: closed as idle").isEqualTo(1001);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            try (TestWebSocket ws = cli.ws("/echo")) {
                // The JDK client answers pings: the connection stays through several keep-alives.
                ws.send("a");
                assertThat(ws.next()).isEqualTo("ECHO:1");
                assertThat(ws.isClosed()).isFalse();
            }
        });
    }

    @Test
    void aForeignOriginIsRefusedAndTheSiteItselfIsNot() {
        ServerBuilder config = echo(WsConfig.of(WsSpec.SIMPLE).allowOrigins("https://app.example.com"));
        TestKit.serve(config, cli -> {
            assertThatThrownBy(() -> cli.ws("/echo", Map.of("Origin", "https://evil.example")))
                    .isInstanceOf(CompletionException.class).cause().isInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(403));
            for (String origin : new String[] {"http://127.0.0.1:" + cli.port(), "https://app.example.com"}) {
                try (TestWebSocket ws = cli.ws("/echo", Map.of("Origin", origin))) {
                    ws.send("ok");
                    assertThat(ws.next()).isEqualTo("ECHO:2");
                }
            }
        });
    }

    @Test
    void aClientThatDoesNotReadIsClosedInsteadOfGrowingTheHeap() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        CompletableFuture<String> sender = new CompletableFuture<>();
        ServerBuilder config = ServerBuilder.create();
        String tenKiB = "m".repeat(10 * 1024);
        config.mount("/flood", WebSocket.route(WsConfig.of(WsSpec.THREADSAFE).keepAlive(Duration.ofSeconds(2)),
                (client, message) -> {
                    Thread.ofVirtual().start(() -> {
                        try {
                            for (int i = 0; i < 10_000; i++) { // 100 MiB if nothing held it back
                                client.send(tenKiB);
                                sent.incrementAndGet();
                            }
                            sender.complete("sent everything");
                        } catch (IllegalStateException e) {
                            sender.complete(e.getMessage());
                        }
                    });
                    return null;
                }));
        TestKit.serve(config, cli -> {
            try (RawWs ws = new RawWs(cli.port(), "/flood")) {
                ws.text("go");
                // Never reads, but keeps talking (so it is not idle): the socket buffers fill, then
                // the send queue (1 MiB), then the sender waits a keep-alive and the client is closed.
                while (!sender.isDone()) {
                    ws.text("still here");
                    Thread.sleep(300);
                }
                assertThat(sender.join()).isEqualTo("the websocket client does not read");
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(sent.get()).as("messages taken before the sender was stopped").isLessThan(2_000);
    }
}
