package io.skitai.examples.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestKit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    @Test
    void backendsAndTheFanOutRunAsSeparateProgramsAsTheBenchmarkStartsThem() {
        Path jar = Path.of("target", "fanout.jar");
        TestKit.serveJar(jar, List.of("--backend", "--delay=10"), backend -> {
            assertThat(backend.get("/weather").<Map<String, Object>>data()).containsEntry("city", "Seoul");
            assertThat(backend.get("/").status()).as("a backend serves only the stand-in services").isEqualTo(404);
            String member = "127.0.0.1:" + backend.port();
            TestKit.serveJar(jar, List.of("--upstreams=" + member + "," + member + "," + member), fanout ->
                    assertThat(fanout.get("/api").<Map<String, Object>>data()).containsKeys("weather", "news", "quote"));
        });
    }
}
