package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Proto;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestKit;
import io.skitai.was.Result;
import io.skitai.was.Was;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Atila routes calling upstreams: requests fired by the controller and collected by the Pebble
 * template, dispatchOrThrow as the route's HTTP error, and the app's defaultRequestType.
 */
class UpstreamCallsTest {

    private static SkitaiServer upstream;

    @BeforeAll
    static void startUpstream() {
        upstream = SkitaiServer.create(config -> {
            config.mount("/items", ex -> ex.json(List.of(Map.of("name", "a"), Map.of("name", "b"))));
            config.mount("/one", ex -> ex.json(Map.of("name", "one")));
            config.mount("/echo", ex -> ex.json(Map.of("contentType", ex.header("Content-Type").orElse("-"),
                    "accept", ex.header("Accept").orElse("-"), "body", ex.bodyText())));
        });
        upstream.start(TestKit.run());
    }

    @AfterAll
    static void stopUpstream() {
        upstream.stop();
    }

    public static class Pages {
        @Route("/fired")
        public String fired(Was was) {
            was.g().put("aa", was.get("@up/items"));
            was.g().put("bb", was.get("@up/one"));
            return was.render("upstream.html");
        }

        @Route("/throw-in-template")
        public String throwInTemplate(Was was) {
            was.g().put("aa", was.get("http://127.0.0.1:" + TestKit.freePort() + "/"));
            return was.render("upstream-throw.html");
        }

        @Route("/throw-in-route")
        public Object throwInRoute(Was was) {
            return was.get("@up/missing").dispatchOrThrow("500 Internal Server Error", 5).data();
        }

        @Route("/echo")
        public Object echo(Was was) {
            Result r = was.post("@up/echo", "<doc/>").dispatch(5);
            return r.data();
        }
    }

    private static ServerBuilder app(Atila atila) {
        ServerBuilder server = ServerBuilder.create();
        server.alias("@up", Proto.HTTP, "127.0.0.1:" + upstream.port());
        server.mount("/", atila.register(new Pages()));
        return server;
    }

    @Test
    void templateDispatchesRequestsTheControllerFired() {
        TestKit.serve(app(Atila.create()), cli -> assertThat(cli.get("/fired").text().strip()).isEqualTo("[a][b] one"));
    }

    @Test
    void dispatchOrThrowInATemplateAnswersWithThatError() {
        TestKit.serve(app(Atila.create()), cli -> {
            var res = cli.get("/throw-in-template");
            assertThat(res.status()).isEqualTo(503);
            assertThat(res.text()).doesNotContain("before");
        });
    }

    @Test
    void dispatchOrThrowInARouteAnswersWithThatError() {
        TestKit.serve(app(Atila.create()), cli -> assertThat(cli.get("/throw-in-route").status()).isEqualTo(500));
    }

    @Test
    void jsonIsTheDefaultRequestType() {
        TestKit.serve(app(Atila.create()), cli -> assertThat(cli.get("/echo").<Map<String, String>>data())
                .containsEntry("contentType", "application/json").containsEntry("accept", "application/json"));
    }

    @Test
    void defaultRequestTypeComesFromTheAppConfig() {
        Atila atila = Atila.create();
        atila.config().put("defaultRequestType", List.of("text/xml", "*/*"));
        TestKit.serve(app(atila), cli -> assertThat(cli.get("/echo").<Map<String, String>>data())
                .containsEntry("contentType", "text/xml").containsEntry("accept", "*/*")
                .containsEntry("body", "<doc/>"));
    }
}
