package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Json;
import io.skitai.core.Proto;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestKit;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * HTTP calls from handlers (plain Skitai handlers reaching their Was by {@code Was.current()}) to
 * real upstreams on 127.0.0.1: a raw Undertow server and another Skitai server.
 */
class HttpCallsTest {

    /** Echoes method, content type, accept and body back as JSON. */
    private static RawUpstream echo() {
        return RawUpstream.blocking(ex -> {
            byte[] body = ex.getInputStream().readAllBytes();
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("method", ex.getRequestMethod().toString());
            seen.put("path", ex.getRequestPath());
            seen.put("query", ex.getQueryString());
            seen.put("contentType", String.valueOf(ex.getRequestHeaders().getFirst(Headers.CONTENT_TYPE)));
            seen.put("accept", String.valueOf(ex.getRequestHeaders().getFirst(Headers.ACCEPT)));
            seen.put("auth", String.valueOf(ex.getRequestHeaders().getFirst(Headers.AUTHORIZATION)));
            seen.put("body", new String(body, StandardCharsets.UTF_8));
            ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            ex.getOutputStream().write(Json.bytes(seen));
        });
    }

    @Test
    void sendsJsonByDefaultAndParsesJsonAnswers() {
        try (RawUpstream up = echo()) {
            ServerBuilder server = ServerBuilder.create();
            server.alias("@echo", Proto.HTTP, "user:p%40ss@" + up.member() + "/base");
            server.mount("/", ex -> {
                Was was = Was.current();
                Call post = was.post("@echo/items?x=1", Map.of("name", "box"));
                Call put = was.put("@echo/items/1", List.of(1, 2));
                Call patch = was.patch("@echo/items/1", Map.of("n", 2));
                Call delete = was.delete("@echo/items/1");
                Call options = was.options("@echo/items");
                Call form = was.post("@echo/form", Map.of("a", "1 2"),
                        Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"));
                ex.json(List.of(post.dispatch(5).data(), put.dataOrThrow(5), patch.dataOrThrow(5),
                        delete.dataOrThrow(5), options.dataOrThrow(5), form.dataOrThrow(5)));
            });
            TestKit.serve(server, cli -> {
                List<Map<String, String>> seen = cli.get("/").data();
                assertThat(seen.get(0)).containsEntry("method", "POST").containsEntry("path", "/base/items")
                        .containsEntry("query", "x=1").containsEntry("contentType", "application/json")
                        .containsEntry("accept", "application/json").containsEntry("body", "{\"name\":\"box\"}");
                assertThat(seen.get(0).get("auth")).isEqualTo("Basic "
                        + java.util.Base64.getEncoder().encodeToString("user:p@ss".getBytes(StandardCharsets.UTF_8)));
                assertThat(seen.get(1)).containsEntry("method", "PUT").containsEntry("body", "[1,2]");
                assertThat(seen.get(2)).containsEntry("method", "PATCH").containsEntry("body", "{\"n\":2}");
                assertThat(seen.get(3)).containsEntry("method", "DELETE").containsEntry("body", "");
                assertThat(seen.get(4)).containsEntry("method", "OPTIONS");
                assertThat(seen.get(5)).containsEntry("contentType", "application/x-www-form-urlencoded")
                        .containsEntry("body", "a=1+2");
            });
        }
    }

    @Test
    void parsesAnswersByContentType() {
        try (RawUpstream up = RawUpstream.start(ex -> {
            switch (ex.getRequestPath()) {
                case "/xml" -> RawUpstream.send(ex, 200, "text/xml", "<doc><item>1</item></doc>");
                case "/text" -> RawUpstream.send(ex, 200, "text/plain; charset=utf-8", "h\u00e9llo");
                case "/bin" -> RawUpstream.send(ex, 200, "application/octet-stream", "AB");
                default -> RawUpstream.send(ex, 404, "application/json", "{\"error\":\"none\"}");
            }
        })) {
            ServerBuilder server = ServerBuilder.create();
            server.mount("/", ex -> {
                Was was = Was.current();
                Result xml = was.get(up.url("/xml")).dispatch(5);
                Result text = was.get(up.url("/text")).dispatch(5);
                Result bin = was.get(up.url("/bin")).dispatch(5);
                Result missing = was.get(up.url("/missing")).dispatch(5);
                Document doc = (Document) xml.data();
                ex.json(List.of(doc.getDocumentElement().getTextContent(), text.data(), text.text(),
                        ((byte[]) bin.data()).length, missing.status(), missing.statusCode(), missing.reason(),
                        missing.data(), missing.isSuccess()));
            });
            TestKit.serve(server, cli -> assertThat(cli.get("/").text())
                    .isEqualTo("[\"1\",\"h\u00e9llo\",\"h\u00e9llo\",2,3,404,\"Not Found\",{\"error\":\"none\"},false]"));
        }
    }

    @Test
    void callsAnotherSkitaiServer() {
        ServerBuilder upstream = ServerBuilder.create();
        upstream.mount("/users", ex -> ex.json(Map.of("id", ex.pathInfo().substring(1), "name", "hans")));
        SkitaiServer upstreamServer = SkitaiServer.create(upstream.build());
        upstreamServer.start(TestKit.run());
        try {
            ServerBuilder server = ServerBuilder.create();
            server.alias("@members", Proto.HTTP, "127.0.0.1:" + upstreamServer.port());
            server.mount("/", ex -> ex.json(Was.current().get("@members/users/7").dataOrThrow(5)));
            TestKit.serve(server, cli -> assertThat(cli.get("/").<Map<String, Object>>data())
                    .containsEntry("id", "7").containsEntry("name", "hans"));
        } finally {
            upstreamServer.stop();
        }
    }

    @Test
    void noAnswerWithinTheTimeoutIsStatusOne() {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (RawUpstream slow = RawUpstream.blocking(ex -> {
            release.await(30, java.util.concurrent.TimeUnit.SECONDS);   // answers only after the test
            RawUpstream.send(ex, 200, "text/plain", "late");
        })) {
            ServerBuilder server = ServerBuilder.create();
            server.mount("/", ex -> {
                long start = System.nanoTime();
                Result r = Was.current().get(slow.url("/")).dispatch(0.3);
                long ms = (System.nanoTime() - start) / 1_000_000;
                release.countDown();   // before the upstream stops (it waits for its handler)
                ex.json(Map.of("status", r.status(), "code", r.statusCode(), "ms", ms));
            });
            TestKit.serve(server, cli -> {
                Map<String, Integer> r = cli.get("/").data();
                assertThat(r.get("status")).isEqualTo(Result.TIMEOUT);
                assertThat(r.get("code")).isZero();
                assertThat(r.get("ms")).as("the wait lasts at least the timeout").isGreaterThanOrEqualTo(290);
            });
        }
    }

    @Test
    void refusedConnectionIsStatusTwo() {
        int closed = TestKit.freePort();
        ServerBuilder server = ServerBuilder.create();
        server.alias("@gone", Proto.HTTP, "127.0.0.1:" + closed);
        server.mount("/", ex -> {
            Result r = Was.current().get("@gone/x").dispatch(5);
            ex.json(Map.of("status", r.status(), "code", r.statusCode(),
                    "exception", r.exception().map(e -> e.getClass().getName()).orElse("none")));
        });
        TestKit.serve(server, cli -> {
            Map<String, Object> r = cli.get("/").data();
            assertThat(r).containsEntry("status", Result.EXCEPTION).containsEntry("code", 0)
                    .containsEntry("exception", "java.net.ConnectException");
        });
    }

    @Test
    void dispatchOrThrowAnswersTheClientWithTheGivenError() {
        int closed = TestKit.freePort();
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", ex -> Was.current().get("http://127.0.0.1:" + closed + "/").dispatchOrThrow("503 Service Unavailable", 5));
        TestKit.serve(server, cli -> assertThat(cli.get("/").status()).isEqualTo(503));
    }

    @Test
    void firedCallsAreInFlightTogether() {
        // The upstream answers only once all three requests have arrived: calls made one after
        // another would each wait for the others and time out; fired together, all three succeed.
        java.util.concurrent.CountDownLatch allArrived = new java.util.concurrent.CountDownLatch(3);
        try (RawUpstream together = RawUpstream.blocking(ex -> {
            allArrived.countDown();
            boolean all = allArrived.await(30, java.util.concurrent.TimeUnit.SECONDS);
            RawUpstream.send(ex, all ? 200 : 504, "application/json", "{\"ok\":" + all + "}");
        })) {
            ServerBuilder server = ServerBuilder.create();
            server.mount("/", ex -> {
                Was was = Was.current();
                List<Call> calls = List.of(was.get(together.url("/a")), was.get(together.url("/b")),
                        was.get(together.url("/c")));
                int ok = 0;
                for (Call c : calls) {
                    ok += c.dispatch(20).isSuccess() ? 1 : 0;
                }
                ex.json(Map.of("ok", ok));
            });
            TestKit.serve(server, cli -> assertThat(cli.get("/").<Map<String, Integer>>data()).containsEntry("ok", 3));
        }
    }

    @Test
    void unknownAliasFailsNamingIt() {
        ServerBuilder server = ServerBuilder.create();
        server.alias("@known", Proto.HTTP, "127.0.0.1:1");
        server.mount("/", ex -> {
            try {
                Was.current().get("@nosuch/x");
                ex.send("no error");
            } catch (IllegalArgumentException e) {
                ex.send(e.getMessage());
            }
        });
        TestKit.serve(server, cli -> assertThat(cli.get("/").text())
                .startsWith("SKITAI-W001 no alias named @nosuch is defined").contains("(defined: @known)"));
    }

    @Test
    void wasCurrentInAPlainHandlerKeepsOneContextPerRequest() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", ex -> {
            Was.current().g().put("k", "v");
            ex.send(Was.current().g().get("k") + " " + (Was.current() == Was.current()) + " " + Was.current().ltxid());
        });
        TestKit.serve(server, cli -> assertThat(cli.get("/").text()).isEqualTo("v true 1000"));
    }
}
