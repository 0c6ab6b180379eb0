package io.skitai.examples.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestKit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code java -jar examples/fanout/target/fanout.jar --skitai-port=N} as the README runs it (by failsafe). */
class FanoutJarIT {

    @Test
    void theShadedJarServesTheDashboard() {
        Path jar = Path.of("target", "fanout.jar");
        assertThat(jar).exists();
        TestKit.serveJar(jar, cli -> assertThat(cli.get("/").text())
                .contains("Seoul: 21 &deg;C", "Skitai fans out (wire)", "SKT 42.5"));
    }
}
