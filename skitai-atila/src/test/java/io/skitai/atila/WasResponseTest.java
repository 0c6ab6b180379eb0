package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestKit;
import io.skitai.was.Was;
import io.skitai.was.WasResponse;
import org.junit.jupiter.api.Test;

class WasResponseTest {

    public static class Pages {
        @Route("/gone/{id:int}")
        public String gone(Was was, int id) {
            if (id > 1) {
                was.response().throwError("404 Not Found");
            }
            return "found";
        }

        @Route("/helper")
        public String helper() {
            check();
            return "unreachable";
        }

        private static void check() {
            Was.current().response().throwError("403 Forbidden");
        }

        @Route("/custom")
        public String custom(Was was) {
            WasResponse r = was.response().status(202).header("X-Kind", "custom");
            r.header("Content-Type", "text/plain; charset=utf-8");
            return "accepted";
        }
    }

    @Test
    void throwErrorAndStatusAndHeaders() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Pages()));
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/gone/1").text()).isEqualTo("found");
            var gone = cli.request("GET", "/gone/2").header("Accept", "application/json").send();
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.json().get("detail").asText()).isEqualTo("Not Found");
            assertThat(cli.get("/helper").status()).isEqualTo(403);
            var custom = cli.get("/custom");
            assertThat(custom.status()).isEqualTo(202);
            assertThat(custom.header("X-Kind")).contains("custom");
            assertThat(custom.contentType()).isEqualTo("text/plain; charset=utf-8");
            assertThat(custom.text()).isEqualTo("accepted");
        });
    }
}
