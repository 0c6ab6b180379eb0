package io.skitai.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.Exchange;
import io.skitai.core.HttpError;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code @SkitaiTest} with a {@code @TestServer} method returning an unstarted server: the
 * extension starts it once for the class (handlers on virtual threads) and injects the client.
 * Requests with bodies are in {@link RequestBodiesTest}.
 */
@SkitaiTest
class SkitaiTestServerTest {

    private static int portSeenInBeforeAll;

    private final TestClient constructorClient;
    private TestClient beforeEachClient;

    SkitaiTestServerTest(TestClient cli) {
        this.constructorClient = cli;
    }

    @TestServer
    static ServerBuilder server() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", SkitaiTestServerTest::site);
        server.mount("/apis", (Exchange ex) -> ex.json(Map.of(
                "method", ex.method(),
                "pathInfo", ex.pathInfo(),
                "uri", ex.requestUri(),
                "query", ex.queryParams(),
                "body", ex.bodyText())));
        server.mount("/", (Exchange ex) -> ex.send("site2 at " + ex.host())).host("www.site2.com");
        return server;
    }

    private static void site(Exchange ex) throws Exception {
        switch (ex.pathInfo()) {
            case "/hello" -> ex.send("Hello World");
            case "/headers" -> ex.json(Map.of(
                    "a", ex.header("X-A").orElse(""),
                    "multi", ex.headers("X-Multi"),
                    "host", ex.host()));
            case "/status" -> ex.status(Integer.parseInt(ex.query("code").orElse("200"))).send("status page");
            case "/redirect" -> ex.redirect("/hello", 302);
            case "/missing" -> throw HttpError.notFound("no such thing");
            case "/protocol" -> ex.send(ex.protocol());
            case "/latin1" -> ex.contentType("text/plain; charset=ISO-8859-1").send("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
            case "/stream" -> {
                try (OutputStream out = ex.outputStream()) {
                    out.write("part1,".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    out.write("part2".getBytes(StandardCharsets.UTF_8));
                }
            }
            default -> throw HttpError.notFound("not here: " + ex.pathInfo());
        }
    }

    @BeforeAll
    static void beforeAll(TestClient cli, SkitaiServer server) {
        assertThat(server.isRunning()).isTrue();
        assertThat(cli.port()).isEqualTo(server.port());
        portSeenInBeforeAll = cli.port();
    }

    @BeforeEach
    void beforeEach(TestClient cli) {
        beforeEachClient = cli;
    }

    @Test
    void injectsOneClientForTheServerEverywhere(TestClient cli, SkitaiServer server) {
        assertThat(cli).isSameAs(constructorClient).isSameAs(beforeEachClient);
        assertThat(cli.host()).isEqualTo("127.0.0.1");
        assertThat(cli.port()).isEqualTo(server.port()).isEqualTo(portSeenInBeforeAll).isNotEqualTo(5000);
        assertThat(cli.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(server.address()).isEqualTo("127.0.0.1");
    }

    @Test
    void getsText(TestClient cli) {
        TestResponse r = cli.get("/hello");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("Hello World");
        assertThat(r.contentType()).startsWith("text/plain");
        assertThat(r.version()).isEqualTo("HTTP/1.1");
        assertThat(r.header("content-length")).contains("11");
        assertThat(r.bytes()).isEqualTo("Hello World".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sendsPerRequestHeaders(TestClient cli) {
        TestResponse r = cli.request("GET", "/headers")
                .header("X-A", "b")
                .header("X-Multi", "1")
                .header("X-Multi", "2")
                .timeout(Duration.ofSeconds(5))
                .send();
        Map<String, Object> data = r.data();
        assertThat(data).containsEntry("a", "b").containsEntry("multi", List.of("1", "2")).containsEntry("host", "127.0.0.1");
    }

    @Test
    void setsTheHostHeaderForVirtualHosts(TestClient cli) {
        TestResponse site2 = cli.request("GET", "/anything").header("Host", "www.site2.com").send();
        assertThat(site2.text()).isEqualTo("site2 at www.site2.com");
        assertThat(cli.get("/hello").text()).isEqualTo("Hello World");
    }

    @Test
    void answersHeadWithoutABody(TestClient cli) {
        TestResponse r = cli.head("/hello");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bytes()).isEmpty();
        assertThat(r.header("Content-Length")).contains("11");
    }

    @Test
    void reportsStatusCodesAndNeverFollowsRedirects(TestClient cli) {
        assertThat(cli.get("/status?code=201").status()).isEqualTo(201);
        assertThat(cli.get("/status", Map.of("code", 202)).status()).isEqualTo(202);
        TestResponse missing = cli.get("/missing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.toString()).startsWith("404 HTTP/1.1 for GET http://127.0.0.1:" + cli.port() + "/missing");
        TestResponse redirect = cli.get("/redirect");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).contains("/hello");
        assertThat(cli.delete("/missing").status()).isEqualTo(404);
        assertThat(cli.options("/missing").status()).isEqualTo(404);
    }

    @Test
    void decodesTextByItsCharset(TestClient cli) {
        assertThat(cli.get("/latin1").text()).isEqualTo("caf\u00e9");
    }

    @Test
    void readsAStreamedBody(TestClient cli) {
        TestResponse r = cli.get("/stream");
        assertThat(r.text()).isEqualTo("part1,part2");
        assertThat(r.header("Transfer-Encoding")).contains("chunked");
    }

    @Test
    void buildsApiPathsSegmentBySegment(TestClient cli) {
        TestResponse r = cli.api().path("apis").path("pets", 45).get();
        assertThat(r.status()).isEqualTo(200);
        Map<String, Object> data = r.data();
        assertThat(data).containsEntry("method", "GET").containsEntry("pathInfo", "/pets/45");

        ApiStub pets = cli.api().path("apis", "pets");
        Map<String, Object> queried = pets.get(Map.of("q", "a b")).data();
        assertThat(queried).containsEntry("query", Map.of("q", List.of("a b")));
        Map<String, Object> encoded = pets.path("a b&c").delete().data();
        assertThat(encoded).containsEntry("method", "DELETE").containsEntry("uri", "/apis/pets/a%20b%26c")
                .containsEntry("pathInfo", "/pets/a b&c");
    }

    @Test
    void failsReadablyOnANonJsonBody(TestClient cli) {
        TestResponse r = cli.get("/hello");
        assertThatThrownBy(r::json).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not JSON").hasMessageContaining("\"Hello World\"");
    }

    @Test
    void asksForHttp2ByH2cUpgrade(TestClient cli) {
        TestClient h2 = cli.http2();
        assertThat(h2).isSameAs(cli.http2());
        assertThat(h2.version()).isEqualTo("HTTP/2");
        TestResponse r = h2.get("/protocol");
        assertThat(r.version()).isEqualTo("HTTP/2");
        assertThat(r.text()).isEqualTo("HTTP/2.0");
        assertThat(h2.get("/hello").text()).isEqualTo("Hello World");
    }

    @Test
    void opensRawConnectionsToTheSameServer(TestClient cli) {
        try (RawConnection raw = cli.raw()) {
            RawResponse r = raw.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").readResponse(Duration.ofSeconds(5));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("Hello World");
        }
    }

    @Nested
    class WhenNested {

        @Test
        void sharesTheOuterServer(TestClient cli, SkitaiServer server) {
            assertThat(cli).isSameAs(constructorClient);
            assertThat(server.port()).isEqualTo(portSeenInBeforeAll);
            assertThat(cli.get("/hello").text()).isEqualTo("Hello World");
        }
    }
}
