package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestKit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorsTest {

    @Test
    void httpErrorsCarryStatusMessageAndHeaders() throws Exception {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/teapot", ex -> {
            throw new HttpError(418, "short and stout", Map.of("X-Why", "tea"), null);
        });
        server.mount("/gone", ex -> {
            throw HttpError.of("410 Gone Away");
        });
        TestKit.serve(server, cli -> {
            var html = cli.get("/teapot");
            assertThat(html.status()).isEqualTo(418);
            assertThat(html.header("X-Why")).contains("tea");
            assertThat(html.contentType()).contains("text/html");
            assertThat(html.text()).contains("short and stout");
            var json = cli.request("GET", "/gone").header("Accept", "application/json").send();
            assertThat(json.status()).isEqualTo(410);
            assertThat(json.json().get("detail").asText()).isEqualTo("Gone Away");
        });
    }

    @Test
    void unexpectedExceptionsAre500WithoutTheirMessage() throws Exception {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", ex -> {
            throw new IllegalStateException("db password is hunter2");
        });
        TestKit.serve(server, cli -> {
            var r = cli.get("/");
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.text()).doesNotContain("hunter2").doesNotContain("IllegalStateException");
        });
    }

    @Test
    void streamedOutputIsChunkedAndComplete() throws Exception {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/stream", ex -> {
            try (var out = ex.contentType("text/plain").outputStream()) {
                for (int i = 0; i < 5000; i++) {
                    out.write(("line " + i + "\n").getBytes());
                }
            }
        });
        TestKit.serve(server, cli -> {
            var r = cli.get("/stream");
            assertThat(r.text().lines().count()).isEqualTo(5000);
            assertThat(r.text()).endsWith("line 4999\n");
        });
    }
}
