package io.skitai.examples.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestKit;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, as a user runs it: {@code java -jar examples/atila-app/target/atila-app.jar
 * --skitai-port=N} serves the example on 127.0.0.1:N (runs after {@code package}, by failsafe).
 */
class AtilaAppJarIT {

    @Test
    void theShadedJarServesOnThePortGivenOnTheCommandLine() {
        Path jar = Path.of("target", "atila-app.jar");
        assertThat(jar).exists();
        TestKit.serveJar(jar, cli -> {
            assertThat(cli.get("/").text()).contains("<li>apple</li>", "href=\"/users/7\"");
            assertThat(cli.get("/users/7", Map.of("fields", "id")).<Map<String, Object>>data()).isEqualTo(Map.of("id", 7));
            assertThat(cli.get("/missing").status()).isEqualTo(404);
        });
    }
}
