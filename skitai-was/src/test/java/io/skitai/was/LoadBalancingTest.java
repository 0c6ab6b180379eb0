package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Proto;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestKit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code was.lb()} and {@code was.map()} over aliases of real upstreams on 127.0.0.1. */
class LoadBalancingTest {

    private static RawUpstream named(String name) {
        return RawUpstream.start(RawUpstream.answer("application/json", "{\"member\":\"" + name + "\"}"));
    }

    @Test
    void lbFailsOverToTheNextMemberWhenOneIsDown() {
        int down = TestKit.freePort();
        try (RawUpstream up = named("up")) {
            ServerBuilder server = ServerBuilder.create();
            server.alias("@pair", Proto.HTTP, "127.0.0.1:" + down, up.member());
            server.mount("/", ex -> {
                List<Object> seen = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    seen.add(Was.current().lb().get("@pair/who").dataOrThrow(5));
                }
                ex.json(seen);
            });
            TestKit.serve(server, cli -> {
                List<Map<String, String>> seen = cli.get("/").data();
                assertThat(seen).hasSize(6).allSatisfy(m -> assertThat(m).containsEntry("member", "up"));
                assertThat(up.hits()).isEqualTo(6);
            });
        }
    }

    @Test
    void lbFailsOverOnServerErrors() {
        try (RawUpstream broken = RawUpstream.start(ex -> RawUpstream.send(ex, 503, "text/plain", "busy"));
             RawUpstream up = named("up")) {
            ServerBuilder server = ServerBuilder.create();
            server.alias("@pair", Proto.HTTP, broken.member(), up.member());
            server.mount("/", ex -> {
                int ok = 0;
                for (int i = 0; i < 4; i++) {
                    ok += Was.current().lb().get("@pair/who").dispatch(5).statusCode() == 200 ? 1 : 0;
                }
                ex.send(String.valueOf(ok));
            });
            TestKit.serve(server, cli -> {
                assertThat(cli.get("/").text()).isEqualTo("4");
                assertThat(up.hits()).isEqualTo(4);
                assertThat(broken.hits()).isEqualTo(2);
            });
        }
    }

    @Test
    void lbHonoursWeights() {
        try (RawUpstream heavy = named("heavy"); RawUpstream light = named("light")) {
            ServerBuilder server = ServerBuilder.create();
            server.alias("@weighted", Proto.HTTP, heavy.member() + " 3", light.member() + " 1");
            server.mount("/", ex -> {
                for (int i = 0; i < 40; i++) {
                    Was.current().lb().get("@weighted/who").dispatchOrThrow(5);
                }
                ex.send("done");
            });
            TestKit.serve(server, cli -> {
                assertThat(cli.get("/").text()).isEqualTo("done");
                assertThat(heavy.hits()).isEqualTo(30);
                assertThat(light.hits()).isEqualTo(10);
            });
        }
    }

    @Test
    void mapCallsEveryMemberAndKeepsMemberOrder() {
        try (RawUpstream a = named("a"); RawUpstream b = named("b"); RawUpstream c = named("c")) {
            ServerBuilder server = ServerBuilder.create();
            server.alias("@three", Proto.HTTP, a.member(), b.member(), c.member());
            server.mount("/", ex -> {
                Results rs = Was.current().map().get("@three/who").dispatch(5);
                ex.json(Map.of("codes", rs.statusCodes(), "data", rs.data(),
                        "ltxids", List.of(a.ltxids(), b.ltxids(), c.ltxids())));
            });
            TestKit.serve(server, cli -> {
                Map<String, Object> r = cli.get("/").data();
                assertThat(r.get("codes")).isEqualTo(List.of(200, 200, 200));
                assertThat(r.get("data")).isEqualTo(List.of(Map.of("member", "a"), Map.of("member", "b"),
                        Map.of("member", "c")));
                // each member call is an API call of its own: 2001, 2002, 2003 (in firing order)
                assertThat(r.get("ltxids")).isEqualTo(List.of(List.of("2001"), List.of("2002"), List.of("2003")));
            });
        }
    }

    @Test
    void mapReportsADownMemberInItsPlace() {
        int down = TestKit.freePort();
        try (RawUpstream a = named("a"); RawUpstream c = named("c")) {
            ServerBuilder server = ServerBuilder.create();
            server.alias("@three", Proto.HTTP, a.member(), "127.0.0.1:" + down, c.member());
            server.mount("/", ex -> ex.json(Was.current().map().get("@three/who").dispatch(5).statuses()));
            TestKit.serve(server, cli -> assertThat(cli.get("/").text()).isEqualTo("[3,2,3]"));
        }
    }
}
