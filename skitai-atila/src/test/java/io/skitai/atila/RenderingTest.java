package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.HttpError;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestKit;
import io.skitai.was.Was;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RenderingTest {

    record Point(int x, int y) {}

    public static class Pojo {
        public String name = "bean";
    }

    public static class Views {
        @Route("/html")
        public String html() {
            return "<h1>hi</h1>";
        }

        @Route("/record")
        public Point record() {
            return new Point(1, 2);
        }

        @Route("/map")
        public Map<String, Object> map() {
            return Map.of("a", 1);
        }

        @Route("/list")
        public List<String> list() {
            return List.of("x", "y");
        }

        @Route("/pojo")
        public Pojo pojo() {
            return new Pojo();
        }

        @Route("/bytes")
        public byte[] bytes() {
            return new byte[] {1, 2, 3};
        }

        @Route(value = "/void", methods = Method.DELETE)
        public void nothing() {}

        @Route("/null")
        public Object none() {
            return null;
        }

        @Route(value = "/created", methods = Method.POST)
        public Response created() {
            return Response.of(201, new Point(3, 4)).header("Location", "/points/3");
        }

        @Route("/teapot")
        public Response teapot() {
            return Response.of(418, "short").header("Content-Type", "text/plain; charset=utf-8");
        }

        @Route("/future")
        public CompletableFuture<Point> future() {
            return CompletableFuture.supplyAsync(() -> new Point(5, 6));
        }

        @Route("/future-error")
        public CompletableFuture<String> futureError() {
            return CompletableFuture.failedFuture(new HttpError(409, "conflict in the future"));
        }

        @Route("/error")
        public String error() {
            throw new HttpError(403, "not yours");
        }

        @Route("/crash")
        public String crash() {
            throw new IllegalStateException("secret detail");
        }

        @Route("/self")
        public void self(Was was) {
            was.request().status(202).send("sent myself");
        }

        @Route("/current")
        public Map<String, Object> current(Was was) {
            was.g().put("k", "v");
            Was current = Was.current();
            return Map.of("same", current == was, "g", current.g().get("k"), "ts", was.timestamp() > 0);
        }
    }

    private static void serve(org.junit.jupiter.api.function.ThrowingConsumer<io.skitai.testkit.TestClient> test) {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Views()));
        TestKit.serve(server, test);
    }

    @Test
    void rendersEachReturnType() {
        serve(cli -> {
            var html = cli.get("/html");
            assertThat(html.contentType()).isEqualTo("text/html; charset=utf-8");
            assertThat(html.text()).isEqualTo("<h1>hi</h1>");
            var record = cli.get("/record");
            assertThat(record.contentType()).isEqualTo("application/json");
            assertThat(record.<Map<String, Object>>data()).isEqualTo(Map.of("x", 1, "y", 2));
            assertThat(cli.get("/map").<Map<String, Object>>data()).isEqualTo(Map.of("a", 1));
            assertThat(cli.get("/list").<List<Object>>data()).isEqualTo(List.of("x", "y"));
            assertThat(cli.get("/pojo").<Map<String, Object>>data()).isEqualTo(Map.of("name", "bean"));
            var bytes = cli.get("/bytes");
            assertThat(bytes.contentType()).isEqualTo("application/octet-stream");
            assertThat(bytes.bytes()).containsExactly(1, 2, 3);
            assertThat(cli.delete("/void").status()).isEqualTo(204);
            assertThat(cli.get("/null").status()).isEqualTo(204);
            assertThat(cli.get("/future").<Map<String, Object>>data()).isEqualTo(Map.of("x", 5, "y", 6));
            var self = cli.get("/self");
            assertThat(self.status()).isEqualTo(202);
            assertThat(self.text()).isEqualTo("sent myself");
        });
    }

    @Test
    void responseCarriesStatusAndHeaders() {
        serve(cli -> {
            var created = cli.post("/created", Map.of());
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("Location")).contains("/points/3");
            assertThat(created.<Map<String, Object>>data()).isEqualTo(Map.of("x", 3, "y", 4));
            var teapot = cli.get("/teapot");
            assertThat(teapot.status()).isEqualTo(418);
            assertThat(teapot.contentType()).startsWith("text/plain");
            assertThat(teapot.text()).isEqualTo("short");
        });
    }

    @Test
    void httpErrorsKeepTheirStatusAndOtherExceptionsAre500() {
        serve(cli -> {
            var error = cli.request("GET", "/error").header("Accept", "application/json").send();
            assertThat(error.status()).isEqualTo(403);
            assertThat(error.json().get("detail").asText()).isEqualTo("not yours");
            assertThat(cli.get("/future-error").status()).isEqualTo(409);
            var crash = cli.get("/crash");
            assertThat(crash.status()).isEqualTo(500);
            assertThat(crash.text()).doesNotContain("secret detail");
        });
    }

    @Test
    void currentWasIsTheInjectedOne() {
        serve(cli -> assertThat(cli.get("/current").<Map<String, Object>>data()).isEqualTo(Map.of("same", true, "g", "v", "ts", true)));
    }

    @Test
    void currentWasOutsideARequestFailsClearly() {
        assertThatThrownBy(Was::current).isInstanceOf(IllegalStateException.class).hasMessageContaining("only available while a request");
    }
}
