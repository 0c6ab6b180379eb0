package io.skitai.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestKit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, as a user runs it: {@code java -jar examples/hello/target/hello.jar
 * --skitai-port=N} serves the example on 127.0.0.1:N (runs after {@code package}, by failsafe).
 */
class HelloJarIT {

    @Test
    void theShadedJarServesOnThePortGivenOnTheCommandLine() {
        Path jar = Path.of("target", "hello.jar");
        assertThat(jar).exists();
        TestKit.serveJar(jar, cli -> {
            assertThat(cli.get("/").text()).isEqualTo("Hello World");
            assertThat(cli.get("/static/hello.txt").text()).isEqualTo("Hello, static world.\n");
        });
    }
}
