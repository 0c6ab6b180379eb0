package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skitai.core.HttpError;
import io.skitai.core.Pref;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestResponse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonRpcService} over real sockets: the examples of the JSON-RPC 2.0 specification
 * (section 7) answer exactly as the specification writes them, and what the specification leaves
 * to the server (bad parameters, failing methods, batch limits, methods, body limits) is clear.
 */
class JsonRpcServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The methods the specification's examples call; notifications leave their params in {@code seen}. */
    static JsonRpcService specMethods(List<Object> seen) {
        return JsonRpcService.create()
                .method("subtract", p -> p.get(0, "minuend", int.class) - p.get(1, "subtrahend", int.class))
                .method("sum", p -> {
                    int sum = 0;
                    for (int i = 0; i < p.size(); i++) {
                        sum += p.get(i, int.class);
                    }
                    return sum;
                })
                .method("update", p -> seen.add(List.of("update", p.size())))
                .method("notify_hello", p -> seen.add(List.of("notify_hello", p.get(0, int.class))))
                .method("notify_sum", p -> seen.add(List.of("notify_sum", p.size())))
                .method("get_data", p -> List.of("hello", 5));
    }

    /** The specification's examples: {@code name}, the raw {@code request} text and the {@code response} (null: none). */
    static JsonNode specExamples() throws Exception {
        try (InputStream in = JsonRpcServiceTest.class.getResourceAsStream("/jsonrpc-spec-examples.json")) {
            return JSON.readTree(in);
        }
    }

    /** Posts every example and checks the answer against the specification's; returns how many were checked. */
    static int checkSpecExamples(TestClient cli, String path) throws Exception {
        int checked = 0;
        for (JsonNode example : specExamples()) {
            String name = example.get("name").asText();
            TestResponse r = cli.post(path, example.get("request").asText().getBytes(StandardCharsets.UTF_8), "application/json");
            if (example.get("response").isNull()) {
                assertThat(r.status()).as(name).isEqualTo(204);
                assertThat(r.bytes()).as(name).isEmpty();
            } else {
                assertThat(r.status()).as(name).isEqualTo(200);
                assertThat(r.contentType()).as(name).startsWith("application/json");
                assertThat(JSON.readTree(r.bytes())).as(name + ": " + r.text()).isEqualTo(example.get("response"));
            }
            checked++;
        }
        return checked;
    }

    private static ServerBuilder serving(JsonRpcService service) {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/jsonrpc", service);
        return server;
    }

    private static JsonNode call(TestClient cli, String body) throws Exception {
        TestResponse r = cli.post("/jsonrpc", body.getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return JSON.readTree(r.bytes());
    }

    @Test
    void answersTheSpecificationsExamplesAsWritten() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        TestKit.serve(serving(specMethods(seen)), cli -> {
            assertThat(checkSpecExamples(cli, "/jsonrpc")).isEqualTo(15);
            assertThat(seen).containsExactly(List.of("update", 5), List.of("notify_hello", 7),
                    List.of("notify_sum", 3), List.of("notify_hello", 7));
        });
    }

    @Test
    void aBadParameterIsInvalidParamsSayingWhichAndWhy() {
        TestKit.serve(serving(specMethods(new CopyOnWriteArrayList<>())), cli -> {
            JsonNode wrongType = call(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[\"a\",1],\"id\":1}");
            assertThat(wrongType.at("/error/code").asInt()).isEqualTo(-32602);
            assertThat(wrongType.at("/error/message").asText())
                    .isEqualTo("Invalid params: parameter 1 'minuend' must be int, got \"a\"");
            assertThat(wrongType.get("id").asInt()).isEqualTo(1);
            JsonNode fraction = call(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":{\"minuend\":1.5,\"subtrahend\":1},\"id\":2}");
            assertThat(fraction.at("/error/message").asText()).isEqualTo("Invalid params: parameter 'minuend' must be int, got 1.5");
            JsonNode missing = call(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":{\"minuend\":1},\"id\":3}");
            assertThat(missing.at("/error/message").asText()).isEqualTo("Invalid params: missing parameter 'subtrahend'");
            JsonNode nullInt = call(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[null,1],\"id\":4}");
            assertThat(nullInt.at("/error/message").asText()).isEqualTo("Invalid params: parameter 1 'minuend' must be int, got null");
        });
    }

    @Test
    void aFailingMethodIsAnInternalErrorThatKeepsItsMessage() {
        JsonRpcService service = JsonRpcService.create()
                .method("leak", p -> {
                    throw new IllegalStateException("password=hunter2");
                })
                .method("refuse", p -> {
                    throw new RpcFault(42, "the answer is not allowed");
                })
                .method("missing", p -> {
                    throw new HttpError(404, "no pet 7");
                })
                .method("record", p -> new Point(p.get("x", int.class), 2));
        TestKit.serve(serving(service), cli -> {
            TestResponse r = cli.post("/jsonrpc", "{\"jsonrpc\":\"2.0\",\"method\":\"leak\",\"id\":1}".getBytes(StandardCharsets.UTF_8),
                    "application/json");
            assertThat(JSON.readTree(r.bytes())).isEqualTo(JSON.readTree(
                    "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":1}"));
            assertThat(r.text()).doesNotContain("hunter2");
            assertThat(call(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"refuse\",\"id\":2}").get("error"))
                    .isEqualTo(JSON.readTree("{\"code\":42,\"message\":\"the answer is not allowed\"}"));
            assertThat(call(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"missing\",\"id\":3}").get("error"))
                    .isEqualTo(JSON.readTree("{\"code\":404,\"message\":\"no pet 7\"}"));
            assertThat(call(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"record\",\"params\":{\"x\":1},\"id\":null}"))
                    .isEqualTo(JSON.readTree("{\"jsonrpc\":\"2.0\",\"result\":{\"x\":1,\"y\":2},\"id\":null}"));
        });
    }

    record Point(int x, int y) {}

    @Test
    void aBatchHoldsAtMostItsLimit() {
        TestKit.serve(serving(specMethods(new CopyOnWriteArrayList<>()).maxBatch(3)), cli -> {
            String call = "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[3,1],\"id\":7}";
            assertThat(call(cli, "[" + String.join(",", call, call, call) + "]")).hasSize(3);
            JsonNode tooMany = call(cli, "[" + String.join(",", call, call, call, call) + "]");
            assertThat(tooMany).isEqualTo(JSON.readTree("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\","
                    + "\"data\":\"a batch holds at most 3 calls, this one 4\"},\"id\":null}"));
        });
        assertThat(JsonRpcService.DEFAULT_MAX_BATCH).isEqualTo(100);
    }

    @Test
    void onlyPostIsAnsweredAndTheBodyIsBounded() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/jsonrpc", specMethods(new CopyOnWriteArrayList<>())).pref(Pref.create().maxClientBodySize(200));
        TestKit.serve(server, cli -> {
            TestResponse get = cli.get("/jsonrpc");
            assertThat(get.status()).isEqualTo(405);
            assertThat(get.header("Allow")).hasValue("POST");
            String big = "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[" + "1,".repeat(200) + "1],\"id\":1}";
            assertThat(cli.post("/jsonrpc", big.getBytes(StandardCharsets.UTF_8), "application/json").status()).isEqualTo(413);
            assertThat(call(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}").get("result").asInt()).isEqualTo(3);
        });
    }

    @Test
    void requestObjectsAreCheckedStrictly() {
        TestKit.serve(serving(specMethods(new CopyOnWriteArrayList<>())), cli -> {
            for (String bad : List.of("{\"jsonrpc\":\"1.0\",\"method\":\"sum\",\"id\":1}", "{\"method\":\"sum\",\"id\":1}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":3,\"id\":1}", "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"id\":{}}",
                    "\"sum\"", "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"id\":1} trailing")) {
                JsonNode answer = call(cli, bad);
                assertThat(answer.at("/error/code").asInt()).as(bad).isIn(-32600, -32700);
            }
            assertThat(call(cli, "{\"jsonrpc\":\"1.0\",\"method\":\"sum\",\"id\":8}").get("id").asInt()).isEqualTo(8);
            assertThat(call(cli, "").at("/error/code").asInt()).isEqualTo(-32700);
        });
    }

    @Test
    void reservedAndBlankNamesAreRefused() {
        assertThatThrownBy(() -> JsonRpcService.create().method("rpc.discover", p -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> JsonRpcService.create().method(" ", p -> null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonRpcService.create().maxBatch(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(JsonRpcService.Params.of(List.of(1, "2"), JSON).get(1, int.class)).isEqualTo(2);
    }
}
