package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestKit;
import io.skitai.was.Was;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingTest {

    public static class Pets {
        @Route("/")
        public String index() {
            return "index";
        }

        @Route("/pets")
        public String list() {
            return "list";
        }

        @Route(value = "/pets/{id:int}", methods = {Method.GET, Method.DELETE})
        public String pet(Was was, int id) {
            return was.request().method() + " pet " + id;
        }

        @Route(value = "/pets/{name}", name = "byName")
        public String byName(String name) {
            return "named " + name;
        }

        @Route(value = "/pets/{id:int}", methods = Method.POST)
        public String update(int id) {
            return "updated " + id;
        }

        @Route("/files/{rest:path}")
        public String files(String rest) {
            return "file [" + rest + "]";
        }

        @Route({"/a", "/b/{x}"})
        public String many(@Param(required = false) String x) {
            return "many " + x;
        }

        @Route("/where")
        public Map<String, Object> where(Was was) {
            return Map.of("basepath", was.basepath(), "url", was.urlFor("pet", 7), "named", was.urlFor("byName", "rex z"));
        }
    }

    private static ServerBuilder server() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Pets()));
        return server;
    }

    @Test
    void routesLiteralTypedAndCatchAllPaths() {
        TestKit.serve(server(), cli -> {
            assertThat(cli.get("/").text()).isEqualTo("index");
            assertThat(cli.get("/pets").text()).isEqualTo("list");
            assertThat(cli.get("/pets/").text()).isEqualTo("list");
            assertThat(cli.get("/pets/12").text()).isEqualTo("GET pet 12");
            assertThat(cli.delete("/pets/12").text()).isEqualTo("DELETE pet 12");
            assertThat(cli.get("/pets/rex").text()).isEqualTo("named rex");
            assertThat(cli.post("/pets/3", Map.of()).text()).isEqualTo("updated 3");
            assertThat(cli.get("/files/a/b/c.txt").text()).isEqualTo("file [a/b/c.txt]");
            assertThat(cli.get("/files").text()).isEqualTo("file []");
        });
    }

    @Test
    void oneMethodServesSeveralRoutes() {
        TestKit.serve(server(), cli -> {
            assertThat(cli.get("/a").text()).isEqualTo("many null");
            assertThat(cli.get("/b/q").text()).isEqualTo("many q");
        });
    }

    @Test
    void unknownPathIs404() {
        TestKit.serve(server(), cli -> {
            var r = cli.request("GET", "/nope/x").header("Accept", "application/json").send();
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().get("detail").asText()).isEqualTo("SKITAI-A051 no route for /nope/x");
        });
    }

    @Test
    void wrongMethodIs405WithAllow() {
        TestKit.serve(server(), cli -> {
            var r = cli.put("/pets", Map.of());
            assertThat(r.status()).isEqualTo(405);
            assertThat(r.header("Allow")).contains("GET, HEAD, OPTIONS");
            var p = cli.put("/pets/5", Map.of());
            assertThat(p.status()).isEqualTo(405);
            assertThat(p.header("Allow")).contains("GET, HEAD, POST, DELETE, OPTIONS");
        });
    }

    @Test
    void headAnswersFromGetWithoutABody() {
        TestKit.serve(server(), cli -> {
            var r = cli.head("/pets/4");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.contentType()).startsWith("text/html");
            assertThat(r.bytes()).isEmpty();
        });
    }

    @Test
    void optionsListsTheAllowedMethods() {
        TestKit.serve(server(), cli -> {
            var r = cli.options("/pets/4");
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.header("Allow")).contains("GET, HEAD, POST, DELETE, OPTIONS");
            assertThat(cli.options("/nope").status()).isEqualTo(404);
        });
    }

    @Test
    void theSameAppMountedTwiceSeesEachBasepath() {
        Atila app = Atila.create().register(new Pets());
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", app);
        server.mount("/v1", app);
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/where").<Map<String, Object>>data())
                    .isEqualTo(Map.of("basepath", "", "url", "/pets/7", "named", "/pets/rex%20z"));
            assertThat(cli.get("/v1/where").<Map<String, Object>>data())
                    .isEqualTo(Map.of("basepath", "/v1", "url", "/v1/pets/7", "named", "/v1/pets/rex%20z"));
            assertThat(cli.get("/v1/pets/9").text()).isEqualTo("GET pet 9");
        });
    }
}
