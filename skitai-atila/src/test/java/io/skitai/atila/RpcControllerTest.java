package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skitai.core.HttpError;
import io.skitai.core.MountInfo;
import io.skitai.core.Pref;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestResponse;
import io.skitai.was.RpcFault;
import io.skitai.was.Was;
import io.skitai.was.XmlRpc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Atila controllers over JSON-RPC and XML-RPC ({@link RpcService}, {@link RpcMethod}) on real
 * sockets: the JSON-RPC specification's examples, binding by position and by name, what a bad
 * parameter or a failing method answers in both protocols, POST only, the mount's body limit, and
 * malformed RPC controllers refused at mount time.
 */
class RpcControllerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MountInfo ROOT = new MountInfo("", List.of(), "test", Pref.create());

    /** The methods the specification's examples call. */
    @RpcService("/rpc")
    public static class Calc {
        final List<Object> seen = new CopyOnWriteArrayList<>();

        @RpcMethod
        public int subtract(int minuend, int subtrahend) {
            return minuend - subtrahend;
        }

        @RpcMethod
        public int sum(int... values) {
            int sum = 0;
            for (int v : values) {
                sum += v;
            }
            return sum;
        }

        @RpcMethod
        public void update(int... values) {
            seen.add("update " + values.length);
        }

        @RpcMethod("notify_hello")
        public void notifyHello(int n) {
            seen.add("hello " + n);
        }

        @RpcMethod("notify_sum")
        public void notifySum(int... values) {
            seen.add("sum " + values.length);
        }

        @RpcMethod("get_data")
        public List<Object> getData() {
            return List.of("hello", 5);
        }
    }

    public record Point(int x, int y) {}

    public enum Unit { KM, MILE }

    /** A second controller at the same path: binding, Was, failures. */
    @RpcService("/rpc")
    public static class Tools {
        @RpcMethod
        public String where(Was was, String name) {
            return was.basepath() + ":" + name;
        }

        @RpcMethod
        public Map<String, Object> convert(Point point, List<Integer> list, LocalDate day, Unit unit,
                @Param(defaultValue = "3") int times) {
            return Map.of("point", point, "sum", list.stream().mapToInt(Integer::intValue).sum() * times,
                    "next", day.plusDays(1).toString(), "unit", unit);
        }

        @RpcMethod
        public CompletableFuture<String> later(String s) {
            return CompletableFuture.supplyAsync(() -> s + "!");
        }

        @RpcMethod
        public String leak() {
            throw new IllegalStateException("password=hunter2");
        }

        @RpcMethod
        public String refuse() {
            throw new RpcFault(42, "the answer is not allowed");
        }

        @RpcMethod
        public String pet(int id) {
            throw new HttpError(404, "no pet " + id);
        }
    }

    private static ServerBuilder server(Pref pref) {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/v1", Atila.create().register(new Calc()).register(new Tools())).pref(pref);
        return server;
    }

    private static JsonNode json(TestClient cli, String body) throws Exception {
        TestResponse r = cli.post("/v1/rpc", body.getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return JSON.readTree(r.bytes());
    }

    private static Object xml(TestClient cli, String method, Object... args) throws Exception {
        TestResponse r = cli.post("/v1/rpc", XmlRpc.call(method, args), "text/xml");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/xml");
        try {
            return XmlRpc.readResponse(r.bytes());
        } catch (RpcFault fault) {
            return fault.faultCode() + " " + fault.faultString();
        }
    }

    /** The specification's examples (shared with skitai-was's tests). */
    static JsonNode specExamples() throws Exception {
        return JSON.readTree(Files.readAllBytes(Path.of("..", "skitai-was", "src", "test", "resources", "jsonrpc-spec-examples.json")));
    }

    @Test
    void answersTheSpecificationsExamplesAsWritten() throws Exception {
        Calc calc = new Calc();
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(calc));
        JsonNode examples = specExamples();
        TestKit.serve(server, cli -> {
            for (JsonNode example : examples) {
                String name = example.get("name").asText();
                TestResponse r = cli.post("/rpc", example.get("request").asText().getBytes(StandardCharsets.UTF_8), "application/json");
                if (example.get("response").isNull()) {
                    assertThat(r.status()).as(name).isEqualTo(204);
                } else {
                    assertThat(JSON.readTree(r.bytes())).as(name + ": " + r.text()).isEqualTo(example.get("response"));
                }
            }
        });
        assertThat(examples).hasSize(15);
        assertThat(calc.seen).containsExactly("update 5", "hello 7", "sum 3", "hello 7");
    }

    @Test
    void bindsByPositionAndByNameThroughJackson() {
        TestKit.serve(server(Pref.create()), cli -> {
            assertThat(json(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"where\",\"params\":[\"a\"],\"id\":1}").get("result").asText())
                    .isEqualTo("/v1:a");
            assertThat(json(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"where\",\"params\":{\"name\":\"b\"},\"id\":1}").get("result").asText())
                    .isEqualTo("/v1:b");
            JsonNode named = json(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"convert\",\"id\":2,\"params\":"
                    + "{\"point\":{\"x\":1,\"y\":2},\"list\":[1,2],\"day\":\"2024-02-28\",\"unit\":\"KM\"}}");
            assertThat(named.get("result")).isEqualTo(JSON.readTree(
                    "{\"point\":{\"x\":1,\"y\":2},\"sum\":9,\"next\":\"2024-02-29\",\"unit\":\"KM\"}"));
            JsonNode positional = json(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"convert\",\"id\":3,\"params\":"
                    + "[{\"x\":1,\"y\":2},[5],\"2024-12-31\",\"MILE\",2]}");
            assertThat(positional.at("/result/sum").asInt()).isEqualTo(10);
            assertThat(positional.at("/result/next").asText()).isEqualTo("2025-01-01");
            assertThat(json(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"later\",\"params\":[\"done\"],\"id\":4}").get("result").asText())
                    .isEqualTo("done!");
            assertThat(xml(cli, "subtract", 42, 23)).isEqualTo(19);
            assertThat(xml(cli, "sum", 1, 2, 3, 4)).isEqualTo(10);
            assertThat(xml(cli, "where", "x")).isEqualTo("/v1:x");
            assertThat(xml(cli, "convert", Map.of("x", 3, "y", 4), List.of(1, 1), "2024-01-01", "km"))
                    .isEqualTo(Map.of("point", Map.of("x", 3, "y", 4), "sum", 6, "next", "2024-01-02", "unit", "KM"));
        });
    }

    @Test
    void aBadParameterIsInvalidParamsInBothProtocols() {
        TestKit.serve(server(Pref.create()), cli -> {
            assertThat(json(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1,\"x\"],\"id\":1}").get("error"))
                    .isEqualTo(JSON.readTree("{\"code\":-32602,\"message\":\"Invalid params: parameter 2 'subtrahend' must be an integer, got \\\"x\\\"\"}"));
            assertThat(json(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":{\"minuend\":1,\"subtrahend\":2,\"extra\":3},\"id\":2}")
                    .at("/error/message").asText()).isEqualTo("Invalid params: unknown parameter 'extra'");
            assertThat(json(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1,2,3],\"id\":3}").at("/error/message").asText())
                    .isEqualTo("Invalid params: Calc.subtract takes 2 parameters, got 3");
            assertThat(json(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"convert\",\"params\":{\"point\":{\"x\":\"a\",\"y\":1}},\"id\":4}")
                    .at("/error/message").asText()).isEqualTo("Invalid params: parameter 'point' must be RpcControllerTest.Point, got {\"x\":\"a\",\"y\":1} (at x)");
            assertThat(xml(cli, "subtract", 1)).isEqualTo("-32602 Invalid params: missing parameter 2 'subtrahend'");
            assertThat(xml(cli, "subtract", 1.5, 1)).isEqualTo("-32602 Invalid params: parameter 1 'minuend' must be int, got 1.5");
            assertThat(xml(cli, "nosuch")).isEqualTo("1 no such method: nosuch");
        });
    }

    @Test
    void failuresAnswerTheirCodeAndNeverLeakAMessage() {
        TestKit.serve(server(Pref.create()), cli -> {
            TestResponse leak = cli.post("/v1/rpc", "{\"jsonrpc\":\"2.0\",\"method\":\"leak\",\"id\":1}".getBytes(StandardCharsets.UTF_8),
                    "application/json");
            assertThat(JSON.readTree(leak.bytes()).get("error")).isEqualTo(JSON.readTree("{\"code\":-32603,\"message\":\"Internal error\"}"));
            assertThat(leak.text()).doesNotContain("hunter2");
            TestResponse xmlLeak = cli.post("/v1/rpc", XmlRpc.call("leak"), "text/xml");
            assertThat(xmlLeak.text()).doesNotContain("hunter2");
            assertThat(xml(cli, "leak")).isEqualTo("3 the method failed");
            assertThat(json(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"refuse\",\"id\":2}").get("error"))
                    .isEqualTo(JSON.readTree("{\"code\":42,\"message\":\"the answer is not allowed\"}"));
            assertThat(xml(cli, "refuse")).isEqualTo("42 the answer is not allowed");
            assertThat(json(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"pet\",\"params\":[7],\"id\":3}").get("error"))
                    .isEqualTo(JSON.readTree("{\"code\":404,\"message\":\"no pet 7\"}"));
            assertThat(xml(cli, "pet", 8)).isEqualTo("404 no pet 8");
        });
    }

    @Test
    void onlyPostIsAnsweredWithinTheMountsBodyLimit() {
        TestKit.serve(server(Pref.create().maxClientBodySize(300)), cli -> {
            TestResponse get = cli.get("/v1/rpc");
            assertThat(get.status()).isEqualTo(405);
            assertThat(get.header("Allow").orElseThrow()).contains("POST");
            String big = "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[" + "1,".repeat(300) + "1],\"id\":1}";
            assertThat(cli.post("/v1/rpc", big.getBytes(StandardCharsets.UTF_8), "application/json").status()).isEqualTo(413);
            assertThat(json(cli, "{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2],\"id\":1}").get("result").asInt()).isEqualTo(3);
        });
    }

    @RpcService(value = "/rpc", maxBatch = 2)
    public static class Small {
        @RpcMethod
        public int one() {
            return 1;
        }
    }

    @Test
    void aBatchHoldsAtMostTheServicesLimit() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Small()));
        String call = "{\"jsonrpc\":\"2.0\",\"method\":\"one\",\"id\":1}";
        TestKit.serve(server, cli -> {
            assertThat(JSON.readTree(cli.post("/rpc", ("[" + call + "," + call + "]").getBytes(StandardCharsets.UTF_8),
                    "application/json").bytes())).hasSize(2);
            JsonNode tooMany = JSON.readTree(cli.post("/rpc", ("[" + call + "," + call + "," + call + "]")
                    .getBytes(StandardCharsets.UTF_8), "application/json").bytes());
            assertThat(tooMany.at("/error/code").asInt()).isEqualTo(-32600);
            assertThat(tooMany.at("/error/data").asText()).isEqualTo("a batch holds at most 2 calls, this one 3");
        });
    }

    public static class NoService {
        @RpcMethod
        public int x() {
            return 1;
        }
    }

    @RpcService("/rpc")
    public static class SameName {
        @RpcMethod("subtract")
        public int minus(int a, int b) {
            return a - b;
        }
    }

    @RpcService("/rpc")
    public static class NoMethods {}

    @RpcService("/rpc")
    public static class Reserved {
        @RpcMethod("rpc.discover")
        public int x() {
            return 1;
        }
    }

    @RpcService("/rpc")
    public static class StaticMethod {
        @RpcMethod
        public static int x() {
            return 1;
        }
    }

    public static class PostRoute {
        @Route(value = "/rpc", methods = Method.POST)
        public int x() {
            return 1;
        }
    }

    @Test
    void malformedRpcControllersFailAtMount() {
        assertThatThrownBy(() -> Atila.create().register(new NoService()).start(ROOT))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("SKITAI-A120 ").hasMessageContaining("NoService.x()");
        assertThatThrownBy(() -> Atila.create().register(new Calc()).register(new SameName()).start(ROOT))
                .hasMessageStartingWith("SKITAI-A122 two RPC methods named subtract at /rpc: Calc.subtract and SameName.minus");
        assertThatThrownBy(() -> Atila.create().register(new NoMethods()).start(ROOT)).hasMessageStartingWith("SKITAI-A123 ");
        assertThatThrownBy(() -> Atila.create().register(new Reserved()).start(ROOT)).hasMessageStartingWith("SKITAI-A124 ");
        assertThatThrownBy(() -> Atila.create().register(new StaticMethod()).start(ROOT)).hasMessageStartingWith("SKITAI-A121 ");
        assertThatThrownBy(() -> Atila.create().register(new PostRoute()).register(new Small()).start(ROOT))
                .hasMessageStartingWith("SKITAI-A016 two routes for POST /rpc");
    }
}
