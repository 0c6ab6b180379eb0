package io.skitai.examples.chat;

import io.skitai.core.Run;
import io.skitai.core.ServerBuilder;
import io.skitai.core.Skitai;
import io.skitai.websocket.WebSocket;
import io.skitai.websocket.WsConfig;
import io.skitai.websocket.WsEncoding;
import io.skitai.websocket.WsSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A group chat on one websocket route and a JSON echo on another, with the chat page at {@code /}.
 *
 * <pre>
 * java -jar examples/chat/target/chat.jar --skitai-port=5000
 * open http://127.0.0.1:5000/?room=lobby in two browser windows and type in one
 * </pre>
 */
public final class ChatApp {

    private ChatApp() {}

    /** Mounts the page, {@code /chat} (rooms by query parameters) and {@code /echo} (JSON) on {@code config}. */
    public static void mount(ServerBuilder config) {
        byte[] page = page();
        config.mount("/", exchange -> exchange.contentType("text/html; charset=utf-8").send(page));
        config.mount("/chat", WebSocket.route(WsConfig.of(WsSpec.GROUPCHAT), new ChatRoute()));
        config.mount("/echo", WebSocket.route(WsConfig.of(WsSpec.SIMPLE, 60, WsEncoding.JSON), Map.class,
                (client, message) -> Map.of("echo", message, "client", client.id())));
    }

    private static byte[] page() {
        try (InputStream in = ChatApp.class.getResourceAsStream("chat.html")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        mount(Skitai.config());
        Skitai.run(Run.port(5000).name("chat").args(args));
    }
}
