package io.skitai.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skitai.core.Exchange;
import io.skitai.core.Run;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request bodies: JSON, forms, raw bytes, API stub writes. The {@code @TestServer} method starts
 * its server itself, with other run options, which the extension accepts (and still stops).
 *
 * <p>Its handlers run on the IO thread ({@code threads(0)}, body read before the handler) because
 * reading a body from a handler thread can hang in skitai-core at this version: see
 * {@link #readsBodiesOnHandlerThreads}.
 */
@SkitaiTest
class RequestBodiesTest {

    @TestServer
    static SkitaiServer server() {
        ServerBuilder serverConfig = ServerBuilder.create();
        serverConfig.mount("/echo", RequestBodiesTest::echo);
        serverConfig.mount("/apis", (Exchange ex) -> ex.json(Map.of(
                "method", ex.method(),
                "pathInfo", ex.pathInfo(),
                "body", ex.bodyText())));
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        return server.start(TestKit.run().threads(0));
    }

    /** Echoes the body with its content type and says which method it saw. */
    static void echo(Exchange ex) {
        ex.header("X-Method", ex.method());
        ex.contentType(ex.header("Content-Type").orElse("application/octet-stream"));
        ex.send(ex.body());
    }

    @Test
    void usesTheServerTheFactoryStarted(TestClient cli, SkitaiServer server) {
        assertThat(server.isRunning()).isTrue();
        assertThat(cli.port()).isEqualTo(server.port());
    }

    @Test
    void echoesAJsonPost(TestClient cli) {
        Map<String, Object> pet = new LinkedHashMap<>();
        pet.put("name", "Kitty");
        pet.put("age", 3);
        pet.put("tags", List.of("a", "b"));
        TestResponse r = cli.post("/echo", pet);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Method")).contains("POST");
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.text()).isEqualTo("{\"name\":\"Kitty\",\"age\":3,\"tags\":[\"a\",\"b\"]}");
        Map<String, Object> data = r.data();
        assertThat(data).containsEntry("name", "Kitty").containsEntry("age", 3).containsEntry("tags", List.of("a", "b"));
        JsonNode json = r.json();
        assertThat(json.get("tags").get(1).asText()).isEqualTo("b");
        record Pet(String name, int age, List<String> tags) {}
        assertThat(r.json(Pet.class)).isEqualTo(new Pet("Kitty", 3, List.of("a", "b")));
    }

    @Test
    void putsAndPatchesJson(TestClient cli) {
        assertThat(cli.put("/echo", Map.of("x", 1)).header("X-Method")).contains("PUT");
        TestResponse patched = cli.patch("/echo", List.of(1, 2));
        assertThat(patched.header("X-Method")).contains("PATCH");
        List<Integer> items = patched.data();
        assertThat(items).containsExactly(1, 2);
    }

    @Test
    void postsAForm(TestClient cli) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", "Tom & Jerry");
        form.put("tag", List.of("x", "y"));
        form.put("empty", null);
        TestResponse r = cli.postForm("/echo", form);
        assertThat(r.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(r.text()).isEqualTo("name=Tom+%26+Jerry&tag=x&tag=y&empty=");
    }

    @Test
    void postsRawBytesWithTheirType(TestClient cli) {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        TestResponse r = cli.post("/echo", png, "image/png");
        assertThat(r.contentType()).isEqualTo("image/png");
        assertThat(r.bytes()).isEqualTo(png);
        TestResponse csv = cli.request("PUT", "/echo").body("a,b\n1,2", "text/csv").send();
        assertThat(csv.text()).isEqualTo("a,b\n1,2");
        assertThat(csv.header("X-Method")).contains("PUT");
    }

    @Test
    void letsAnExplicitContentTypeWin(TestClient cli) {
        TestResponse r = cli.request("POST", "/echo").header("Content-Type", "application/vnd.pet+json").json(Map.of()).send();
        assertThat(r.contentType()).isEqualTo("application/vnd.pet+json");
        assertThat(r.text()).isEqualTo("{}");
    }

    @Test
    void writesThroughTheApiStub(TestClient cli) {
        ApiStub pets = cli.api().path("apis", "pets");
        Map<String, Object> created = pets.post(Map.of("name", "Rex")).data();
        assertThat(created).containsEntry("method", "POST").containsEntry("pathInfo", "/pets")
                .containsEntry("body", "{\"name\":\"Rex\"}");
        assertThat(pets.path(7).put(Map.of("age", 2)).<Map<String, Object>>data())
                .containsEntry("method", "PUT").containsEntry("pathInfo", "/pets/7").containsEntry("body", "{\"age\":2}");
        assertThat(pets.path(7).patch(Map.of()).<Map<String, Object>>data()).containsEntry("method", "PATCH");
        assertThat(pets.path(7).request("POST").form(Map.of("a", 1)).send().<Map<String, Object>>data())
                .containsEntry("body", "a=1");
    }

    @Test
    void sendsExpectContinue(TestClient cli) {
        TestResponse r = cli.request("POST", "/echo").header("Expect", "100-continue").body("waited", "text/plain").send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("waited");
    }

    /**
     * Bodies that arrive after the headers (as the JDK client sends them) are read by handlers on
     * virtual threads and on a platform pool alike (the handler runs outside Undertow's call frame,
     * so the reads it starts are resumed at once).
     */
    @ParameterizedTest
    @ValueSource(ints = {Run.VIRTUAL, 4})
    void readsBodiesOnHandlerThreads(int threads) {
        ServerBuilder serverConfig = ServerBuilder.create();
        serverConfig.mount("/echo", RequestBodiesTest::echo);
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        TestKit.serve(Run.port(0).address("127.0.0.1").threads(threads), server, cli -> {
            for (int i = 0; i < 40; i++) {
                TestResponse r = cli.request("POST", "/echo").json(Map.of("i", i)).timeout(Duration.ofSeconds(2)).send();
                assertThat(r.text()).isEqualTo("{\"i\":" + i + "}");
            }
        });
    }
}
