package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestKit;
import io.undertow.server.HttpHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MountingTest {

    @Test
    void longestMountPointWinsAndHandlersSeeTheirMountPoint() throws Exception {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", ex -> ex.send("root " + ex.mountPoint() + "|" + ex.pathInfo()));
        server.mount("/v1", ex -> ex.send("v1 " + ex.mountPoint() + "|" + ex.pathInfo() + "|" + ex.urlFor("/items/1")));
        server.mount("/v1/admin", ex -> ex.send("admin " + ex.pathInfo()));
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/v1/users").text()).isEqualTo("v1 /v1|/users|/v1/items/1");
            assertThat(cli.get("/v1").text()).isEqualTo("v1 /v1||/v1/items/1");
            assertThat(cli.get("/v1/admin/x").text()).isEqualTo("admin /x");
            assertThat(cli.get("/v10").text()).isEqualTo("root |/v10");
            assertThat(cli.get("/").text()).isEqualTo("root |/");
        });
    }

    @Test
    void virtualHostsServeTheirOwnMountsAndOthersFallBack() throws Exception {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", ex -> ex.send("default"));
        server.mount("/", ex -> ex.send("site1")).host("www.site1.com");
        server.mount("/", ex -> ex.send("site2")).host("www.site2.com", "site2.com");
        server.mount("/only", ex -> ex.send("site1 only")).host("www.site1.com");
        TestKit.serve(server, cli -> {
            assertThat(cli.request("GET", "/").header("Host", "www.site1.com").send().text()).isEqualTo("site1");
            assertThat(cli.request("GET", "/").header("Host", "WWW.SITE2.COM:8080").send().text()).isEqualTo("site2");
            assertThat(cli.request("GET", "/").header("Host", "site2.com").send().text()).isEqualTo("site2");
            assertThat(cli.request("GET", "/").header("Host", "other.com").send().text()).isEqualTo("default");
            assertThat(cli.request("GET", "/only").header("Host", "www.site1.com").send().text()).isEqualTo("site1 only");
            assertThat(cli.request("GET", "/only").header("Host", "www.site2.com").send().text()).isEqualTo("site2");
        });
    }

    @Test
    void unmatchedPathIs404() throws Exception {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/api", ex -> ex.send("api"));
        TestKit.serve(server, cli -> {
            var r = cli.request("GET", "/nothing").header("Accept", "application/json").send();
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.contentType()).contains("application/problem+json");
            assertThat(r.json().get("status").asInt()).isEqualTo(404);
        });
    }

    @Test
    void mountsAClassByNameAnAppAndARawUndertowHandler() throws Exception {
        List<String> lifecycle = new ArrayList<>();
        App app = new App() {
            @Override
            public Handler start(MountInfo mount) {
                lifecycle.add("start " + mount.point());
                return ex -> ex.json(Map.of("app", mount.point()));
            }

            @Override
            public void stop() {
                lifecycle.add("stop");
            }
        };
        HttpHandler raw = exchange -> exchange.getResponseSender().send("raw undertow");
        ServerBuilder server = ServerBuilder.create();
        server.mount("/named", NamedHandler.class.getName());
        server.mount("/app", app);
        server.mount("/raw", raw);
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/named/x").text()).isEqualTo("named /x");
            assertThat(cli.get("/app").<Map<String, Object>>data()).isEqualTo(Map.of("app", "/app"));
            assertThat(cli.get("/raw").text()).isEqualTo("raw undertow");
        });
        assertThat(lifecycle).containsExactly("start /app", "stop");
    }

    @Test
    void postedBodiesHeadersAndQueriesReachTheHandler() throws Exception {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/echo", ex -> ex.contentType(ex.header("Content-Type").orElse("text/plain"))
                .header("X-Query", ex.query("q").orElse("-"))
                .header("X-Method", ex.method())
                .send(ex.body()));
        TestKit.serve(server, cli -> {
            var r = cli.request("POST", "/echo?q=a%20b").json(Map.of("name", "skitai")).send();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-Query")).contains("a b");
            assertThat(r.<Map<String, Object>>data()).isEqualTo(Map.of("name", "skitai"));
            assertThat(cli.request("PUT", "/echo").body("x".repeat(100_000).getBytes(), "text/plain").send().text())
                    .hasSize(100_000);
            assertThat(cli.head("/echo").header("X-Method")).contains("HEAD");
        });
    }

    /** Mounted by class name. */
    public static final class NamedHandler implements Handler {
        @Override
        public void handle(Exchange exchange) {
            exchange.send("named " + exchange.pathInfo());
        }
    }
}
