package io.skitai.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.SkitaiTest;
import io.skitai.testkit.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example's main class started in its own JVM, as the Python test_client does. */
@SkitaiTest(app = HelloApp.class)
class HelloAppTest {

    @Test
    void servesTextJsonAndStaticFiles(TestClient cli) {
        assertThat(cli.get("/").text()).isEqualTo("Hello World");
        assertThat(cli.get("/json").<Map<String, Object>>data()).isEqualTo(Map.of("message", "Hello World"));
        var file = cli.get("/static/4k.txt");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.bytes()).hasSize(4096);
        assertThat(cli.get("/static/").text()).contains("Hello from Skitai");
    }
}
