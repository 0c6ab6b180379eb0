package io.skitai.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skitai.core.Run;
import io.skitai.core.SkitaiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The public API as users call it, spelled out with its types: a signature change breaks this
 * file's compilation before it breaks a user. {@link #signatures} is compiled, never run.
 */
class PublicApiTest {

    @SuppressWarnings("unused")
    static void signatures(TestClient cli, SkitaiServer server) throws Exception {
        TestClient a = TestClient.of("http://127.0.0.1:5000");
        TestClient b = TestClient.of("127.0.0.1", 5000);
        String baseUrl = cli.baseUrl();
        String host = cli.host();
        int port = cli.port();
        String version = cli.version();
        TestClient h2 = cli.http2();
        URI uri = cli.uri("/x");
        HttpClient jdk = cli.httpClient();
        Duration timeout = TestClient.DEFAULT_TIMEOUT;

        TestResponse r = cli.get("/");
        r = cli.get("/", Map.of("q", 1));
        r = cli.head("/");
        r = cli.options("/");
        r = cli.delete("/");
        r = cli.post("/", Map.of());
        r = cli.put("/", List.of());
        r = cli.patch("/", "json string");
        r = cli.post("/", new byte[0], "application/octet-stream");
        r = cli.put("/", new byte[0], "application/octet-stream");
        r = cli.postForm("/", Map.of("a", "b"));
        TestRequest req = cli.request("POST", "/x").header("Host", "h").headers(Map.of("A", "b"))
                .query("q", 1).query(Map.of("r", 2)).json(Map.of()).form(Map.of()).body(new byte[0], "t")
                .body("text", "text/plain").timeout(Duration.ofSeconds(1));
        r = req.send();

        int status = r.status();
        Optional<String> header = r.header("X");
        List<String> headers = r.headers("X");
        Map<String, List<String>> all = r.headers();
        String text = r.text();
        byte[] bytes = r.bytes();
        JsonNode json = r.json();
        Map<?, ?> typed = r.json(Map.class);
        Map<String, Object> data = r.data();
        String responseVersion = r.version();
        String contentType = r.contentType();
        String request = r.request();

        ApiStub stub = cli.api().path("apis").path("pets", 45);
        String path = stub.url();
        r = stub.get();
        r = stub.get(Map.of("q", 1));
        r = stub.post(Map.of());
        r = stub.put(Map.of());
        r = stub.patch(Map.of());
        r = stub.delete();
        req = stub.request("POST");

        try (RawConnection c = cli.raw(); RawConnection d = RawConnection.open("127.0.0.1", 1);
             RawConnection e = RawConnection.open("127.0.0.1", 1, Duration.ofSeconds(1));
             RawConnection f = RawConnection.openTls("127.0.0.1", 1)) {
            c.send("GET / HTTP/1.1\r\n\r\n").send(new byte[0]).shutdownOutput();
            boolean sent = c.trySend(new byte[0]);
            RawResponse raw = c.readResponse();
            raw = c.readResponse(Duration.ofSeconds(1));
            raw = c.readHeadResponse(Duration.ofSeconds(1));
            byte[] rest = c.readAll(Duration.ofSeconds(1));
            String restText = c.readAllText(Duration.ofSeconds(1));
            boolean closed = c.isClosedByPeer(Duration.ofSeconds(1));
            int localPort = c.localPort();
            java.net.Socket socket = c.socket();

            String v = raw.version();
            int s = raw.status();
            String reason = raw.reason();
            String head = raw.head();
            Optional<String> h = raw.header("X");
            List<String> hs = raw.headers("X");
            Map<String, List<String>> allRaw = raw.headers();
            Map<String, List<String>> trailers = raw.trailers();
            boolean chunked = raw.chunked();
            boolean byClose = raw.delimitedByClose();
            byte[] body = raw.body();
            String bodyText = raw.text();
        }

        Run run = TestKit.run();
        int free = TestKit.freePort();
        TestKit.serve(server, client -> client.get("/"));
        TestKit.serve(run, server, client -> client.get("/"));
        TestKit.serve(ex -> ex.send("x"), client -> client.get("/"));
        String property = SkitaiTest.PORT_PROPERTY;

        boolean installed = HeadlessChromium.available();
        String reason = HeadlessChromium.unavailableReason();
        String chromiumPath = HeadlessChromium.CHROMIUM_PATH;
        try (HeadlessChromium chromium = HeadlessChromium.launch()) {
            HeadlessChromium.Page page = chromium.open("http://127.0.0.1:5000/");
            String value = page.eval("document.title");
            page.type("text");
            value = page.awaitText("document.title", "x", Duration.ofSeconds(1));
            value = page.await("document.title", t -> !t.isEmpty(), "a title", Duration.ofSeconds(1));
            byte[] png = page.screenshot();
            java.nio.file.Path saved = page.screenshot(java.nio.file.Path.of("target", "x.png"));
        }
        cli.close();
    }

    @Test
    void compiles() throws NoSuchMethodException {
        assertThat(PublicApiTest.class.getDeclaredMethod("signatures", TestClient.class, SkitaiServer.class)).isNotNull();
    }
}
