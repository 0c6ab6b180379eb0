package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Proto;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestKit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * lb fail-over never replays a call that may have been applied: a POST whose member read it and
 * answered 500 is not sent again; a GET is; a POST refused at connect moves on.
 */
class FailoverSafetyTest {

    /** A member that reads each body, remembers it and answers {@code status}. */
    private static RawUpstream reading(int status, List<String> bodies) {
        return RawUpstream.blocking(ex -> {
            String body = new String(ex.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!body.isEmpty()) {
                bodies.add(body);
            }
            RawUpstream.send(ex, status, "application/json", "{\"status\":" + status + "}");
        });
    }

    /** {@code /post?n=i}: one POST through the alias; {@code /get}: one GET; the status code it got. */
    private static ServerBuilder calling(String alias) {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", ex -> {
            Was was = Was.current();
            Call call = switch (ex.pathInfo()) {
                case "/post" -> was.lb().post(alias + "/orders", Map.of("order", ex.query("n").orElseThrow()));
                case "/post-idempotent" -> was.lb().idempotent().post(alias + "/orders",
                        Map.of("order", ex.query("n").orElseThrow()));
                case "/rpc" -> was.lb().rpc(alias + "/rpc2").call("add", 1, 2);
                default -> was.lb().get(alias + "/orders");
            };
            ex.send(String.valueOf(call.dispatch(5).statusCode()));
        });
        return server;
    }

    @Test
    void aPostAnsweredWithA500IsNotSentAgainButAGetFailsOver() {
        List<String> broken = new CopyOnWriteArrayList<>();
        List<String> healthy = new CopyOnWriteArrayList<>();
        try (RawUpstream first = reading(500, broken); RawUpstream second = reading(200, healthy)) {
            ServerBuilder serverConfig = calling("@orders");
            serverConfig.alias("@orders", Proto.HTTP, first.member(), second.member());
            SkitaiServer server = SkitaiServer.create(serverConfig.build());
            TestKit.serve(server, cli -> {
                List<String> codes = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    codes.add(cli.get("/post?n=" + i).text());
                }
                assertThat(first.hits() + second.hits()).as("each POST reached the upstreams once").isEqualTo(6);
                List<String> applied = new ArrayList<>(broken);
                applied.addAll(healthy);
                assertThat(applied).hasSize(6).doesNotHaveDuplicates();
                assertThat(codes).as("the member that answered 500 is the result").contains("500").contains("200");
                assertThat(codes.stream().filter("500"::equals).count()).isEqualTo(first.hits());

                int before = second.hits();
                for (int i = 0; i < 6; i++) {
                    assertThat(cli.get("/get").text()).as("a GET fails over to the healthy member").isEqualTo("200");
                }
                assertThat(second.hits() - before).isEqualTo(6);

                for (int i = 0; i < 4; i++) {
                    assertThat(cli.get("/post-idempotent?n=i" + i).text()).as("marked idempotent: replayed").isEqualTo("200");
                }
                assertThat(healthy).contains("{\"order\":\"i0\"}", "{\"order\":\"i3\"}");
            });
        }
    }

    @Test
    void anXmlRpcCallAnsweredWithA500IsNotSentAgain() {
        List<String> broken = new CopyOnWriteArrayList<>();
        List<String> healthy = new CopyOnWriteArrayList<>();
        try (RawUpstream first = reading(500, broken); RawUpstream second = reading(200, healthy)) {
            ServerBuilder serverConfig = calling("@rpc");
            serverConfig.alias("@rpc", Proto.HTTP, first.member(), second.member());
            SkitaiServer server = SkitaiServer.create(serverConfig.build());
            TestKit.serve(server, cli -> {
                for (int i = 0; i < 4; i++) {
                    cli.get("/rpc");
                }
                assertThat(first.hits() + second.hits()).isEqualTo(4);
            });
        }
    }

    @Test
    void aPostRefusedAtConnectMovesOnAndSucceeds() {
        int refusing = TestKit.freePort();
        List<String> healthy = new CopyOnWriteArrayList<>();
        try (RawUpstream up = reading(200, healthy)) {
            ServerBuilder serverConfig = calling("@orders");
            serverConfig.alias("@orders", Proto.HTTP, "127.0.0.1:" + refusing, up.member());
            SkitaiServer server = SkitaiServer.create(serverConfig.build());
            TestKit.serve(server, cli -> {
                for (int i = 0; i < 4; i++) {
                    assertThat(cli.get("/post?n=" + i).text()).isEqualTo("200");
                }
                assertThat(healthy).containsExactly("{\"order\":\"0\"}", "{\"order\":\"1\"}", "{\"order\":\"2\"}",
                        "{\"order\":\"3\"}");
            });
        }
    }
}
