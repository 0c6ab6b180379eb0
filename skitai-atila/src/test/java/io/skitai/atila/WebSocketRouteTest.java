package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestWebSocket;
import io.skitai.was.Was;
import io.skitai.websocket.WsClient;
import io.skitai.websocket.WsEncoding;
import io.skitai.websocket.WsSpec;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Atila's {@code @WebSocketRoute}: the message first, the other parameters bound from the path and query. */
class WebSocketRouteTest {

    /** A chat and a JSON route on one controller. */
    public static final class Rooms {

        @WebSocketRoute(value = "/chat/{room}", spec = WsSpec.GROUPCHAT, roomParams = {}, onOpen = "entered", onClose = "left")
        public String chat(Was was, String message, WsClient client, String room, @Param(defaultValue = "guest") String name) {
            return name + "@" + room + ": " + message + " (" + was.request().pathInfo() + ")";
        }

        public String entered(WsClient client, String room, @Param(defaultValue = "guest") String name) {
            return name + " entered " + room;
        }

        public String left(@Param(defaultValue = "guest") String name) {
            return name + " left";
        }

        /** A query in JSON. */
        public record Query(String q, int limit) {}

        @WebSocketRoute(value = "/search", encoding = WsEncoding.JSON)
        public Map<String, Object> search(Query query, int page) {
            return Map.of("q", query.q(), "limit", query.limit(), "page", page);
        }
    }

    private static ServerBuilder server() {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/app", Atila.create().register(new Rooms()));
        return config;
    }

    @Test
    void theMessageComesFirstAndTheRestBindsFromPathAndQuery() {
        TestKit.serve(server(), cli -> {
            try (TestWebSocket ann = cli.ws("/app/chat/lobby?name=ann")) {
                assertThat(ann.next()).isEqualTo("ann entered lobby");
                try (TestWebSocket guest = cli.ws("/app/chat/lobby")) {
                    assertThat(guest.next()).isEqualTo("guest entered lobby");
                    assertThat(ann.next()).isEqualTo("guest entered lobby");
                    guest.send("hi");
                    assertThat(ann.next()).isEqualTo("guest@lobby: hi (/chat/lobby)");
                    assertThat(guest.next()).isEqualTo("guest@lobby: hi (/chat/lobby)");
                }
                assertThat(ann.next()).isEqualTo("guest left");
            }
            try (TestWebSocket ws = cli.ws("/app/search?page=3")) {
                ws.send("{\"q\":\"bach\",\"limit\":5}");
                assertThat(ws.nextText()).contains("\"q\":\"bach\"", "\"limit\":5", "\"page\":3");
            }
        });
    }

    @Test
    void aMissingOrBadParameterRefusesTheHandshakeWith400() {
        TestKit.serve(server(), cli -> {
            for (String path : new String[] {"/app/search", "/app/search?page=x"}) {
                assertThatThrownBy(() -> cli.ws(path)).isInstanceOf(CompletionException.class)
                        .cause().isInstanceOf(WebSocketHandshakeException.class)
                        .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(400));
            }
            assertThat(cli.get("/app/search?page=1").status()).as("not a websocket request").isEqualTo(426);
        });
    }
}
