package io.skitai.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Exchange;
import io.skitai.core.HttpError;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestWebSocket;
import io.skitai.was.Was;
import io.skitai.was.XmlRpc;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each websocket spec of the Python docs, its events and encodings, over real sockets (the JDK's client). */
class WebSocketSpecsTest {

    private static final Duration SHORT = Duration.ofSeconds(10);

    @Test
    void simpleEchoesAndAnswersPlainRequestsWith426() {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/echo", WebSocket.route(WsConfig.of(WsSpec.SIMPLE), (client, message) -> "ECHO:" + message));
        TestKit.serve(config, cli -> {
            try (TestWebSocket ws = cli.ws("/echo")) {
                ws.send("hi").send("there");
                assertThat(ws.next()).isEqualTo("ECHO:hi");
                assertThat(ws.next()).isEqualTo("ECHO:there");
                ws.send("bytes".getBytes(StandardCharsets.UTF_8));
                assertThat(ws.closeCode(SHORT)).as("a text route refuses binary messages").isEqualTo(1003);
            }
            assertThat(cli.get("/echo").status()).isEqualTo(426);
        });
    }

    /** The events of one client, in order, as the route saw them. */
    static final class EventRoute implements WsRoute<String> {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public void onInit(Exchange request) {
            if (request.query("name").isEmpty()) {
                throw new HttpError(400, "name is required");
            }
            events.add("init " + request.query("name").get());
        }

        @Override
        public Object onOpen(WsClient client) {
            events.add("open");
            return "welcome " + client.exchange().query("name").orElseThrow() + " #" + client.id();
        }

        @Override
        public Object onMessage(WsClient client, String message) {
            events.add("message " + message);
            WsClient.current().send("ack " + message); // Python's was.websocket.send, before the return value
            // was is there as in any route: its request, its transaction id.
            return message + " from " + client.exchange().query("name").orElseThrow() + " on " + Was.current().request().path();
        }

        @Override
        public Object onClose(WsClient client, int code) {
            events.add("close " + code);
            closed.countDown();
            return null;
        }
    }

    @Test
    void eventsComeInOrderAndTheRequestsParametersAreThere() throws Exception {
        EventRoute route = new EventRoute();
        ServerBuilder config = ServerBuilder.create();
        config.mount("/events", WebSocket.route(WsConfig.of(WsSpec.SIMPLE), route));
        TestKit.serve(config, cli -> {
            try (TestWebSocket ws = cli.ws("/events?name=ann")) {
                assertThat(ws.nextText()).startsWith("welcome ann #");
                ws.send("one");
                assertThat(ws.next()).isEqualTo("ack one");
                assertThat(ws.next()).isEqualTo("one from ann on /events");
            }
            assertThat(route.closed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(cli.get("/events", Map.of()).status()).isEqualTo(426);
        });
        assertThat(route.events).containsExactly("init ann", "open", "message one", "close 1000");
    }

    @Test
    void threadSafeSendsFromFourThreadsArriveCompleteAndInOrder() {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/run", WebSocket.route(WsConfig.of(WsSpec.THREADSAFE), (client, command) -> {
            for (int t = 0; t < 4; t++) {
                int thread = t;
                Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 250; i++) {
                        client.send(thread + ":" + i);
                    }
                });
            }
            return null;
        }));
        TestKit.serve(config, cli -> {
            try (TestWebSocket ws = cli.ws("/run")) {
                ws.send("start");
                Map<String, List<Integer>> perThread = new HashMap<>();
                for (int n = 0; n < 1000; n++) {
                    String[] m = ws.nextText().split(":");
                    perThread.computeIfAbsent(m[0], k -> new ArrayList<>()).add(Integer.parseInt(m[1]));
                }
                assertThat(perThread).hasSize(4);
                List<Integer> expected = java.util.stream.IntStream.range(0, 250).boxed().toList();
                perThread.values().forEach(seq -> assertThat(seq).isEqualTo(expected));
            }
        });
    }

    @Test
    void fiftyClientsInTwoRoomsHearTheirOwnRoomOnly() {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/chat", WebSocket.route(WsConfig.of(WsSpec.GROUPCHAT), (client, message) -> {
            WsRoom room = client.room().orElseThrow();
            if (message.equals("who")) {
                return WsReply.to(client.id(), "n=" + room.clients().size());
            }
            return room.key() + " " + client.id() + " said " + message;
        }));
        TestKit.serve(config, cli -> {
            List<TestWebSocket> a = new ArrayList<>();
            List<TestWebSocket> b = new ArrayList<>();
            try {
                for (int i = 0; i < 25; i++) {
                    a.add(cli.ws("/chat?room=a"));
                    b.add(cli.ws("/chat?room=b"));
                }
                awaitRoomOf(a.get(0), 25);
                awaitRoomOf(b.get(0), 25);
                for (TestWebSocket ws : a) {
                    ws.send("hello");
                }
                b.get(0).send("hi");
                for (TestWebSocket ws : a) {
                    for (int i = 0; i < 25; i++) {
                        assertThat(ws.nextText()).startsWith("/chat?room=a ").endsWith(" said hello");
                    }
                }
                for (TestWebSocket ws : b) {
                    assertThat(ws.nextText()).startsWith("/chat?room=b ").endsWith(" said hi");
                    assertThat(ws.socket().isInputClosed()).isFalse();
                }
                // A last message in each room: had anything crossed, it would come before it.
                a.get(0).send("end");
                b.get(0).send("end");
                for (TestWebSocket ws : b) {
                    assertThat(ws.nextText()).startsWith("/chat?room=b ").endsWith(" said end");
                }
                for (TestWebSocket ws : a) {
                    assertThat(ws.nextText()).startsWith("/chat?room=a ").endsWith(" said end");
                }
            } finally {
                a.forEach(TestWebSocket::close);
                b.forEach(TestWebSocket::close);
            }
        });
    }

    /** Asks the room how many are in it until all {@code n} have entered (the others may still be joining). */
    private static void awaitRoomOf(TestWebSocket ws, int n) {
        String answer;
        do {
            ws.send("who");
            answer = ws.nextText();
        } while (!answer.equals("n=" + n));
    }

    /** A JSON message type. */
    record Query(String q, int limit) {}

    @Test
    void jsonAndXmlRpcEncodings() throws Exception {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/json", WebSocket.route(WsConfig.of(WsSpec.SIMPLE, 60, WsEncoding.JSON), Query.class,
                (client, query) -> Map.of("q", query.q().toUpperCase(), "limit", query.limit() * 2)));
        config.mount("/rpc", WebSocket.route(WsConfig.of(WsSpec.SIMPLE, 60, WsEncoding.XMLRPC), XmlRpcMessage.class,
                (client, call) -> call.method().equals("add")
                        ? (Integer) call.params().get(0) + (Integer) call.params().get(1) : "unknown " + call.method()));
        TestKit.serve(config, cli -> {
            try (TestWebSocket ws = cli.ws("/json")) {
                ws.send("{\"q\":\"mozart\",\"limit\":5}");
                assertThat(ws.nextText()).isIn("{\"q\":\"MOZART\",\"limit\":10}", "{\"limit\":10,\"q\":\"MOZART\"}");
                ws.send("not json");
                assertThat(ws.closeCode(SHORT)).isEqualTo(1007);
            }
            try (TestWebSocket ws = cli.ws("/rpc")) {
                ws.send(new String(XmlRpc.call("add", 2, 3), StandardCharsets.UTF_8));
                assertThat(XmlRpc.readResponse(ws.nextText().getBytes(StandardCharsets.UTF_8))).isEqualTo(5);
            }
        });
    }
}
