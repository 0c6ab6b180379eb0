package io.skitai.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestKit;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    /**
     * A newcomer's first start prints the engine's one-line log and nothing from libraries before it
     * (on JDK 24+ jboss-threads 3.7 used to print four sun.misc.Unsafe warnings first).
     */
    @Test
    void theFirstLinesAreTheEnginesOwnOneLineLog() throws Exception {
        int port = TestKit.freePort();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target", "hello.jar").toString(), "--skitai-port=" + port).redirectErrorStream(true).start();
        // A watchdog: a program that never says it serves is ended, so the read below ends too.
        java.util.concurrent.CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS).execute(p::destroyForcibly);
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.contains(" serving ")) {
                    break;
                }
            }
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        assertThat(lines).as("everything printed until the server said it serves").hasSize(1);
        assertThat(lines.get(0)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\[info] io\\.skitai\\.core hello serving"
                + " http://127\\.0\\.0\\.1:" + port + " on virtual threads");
    }
}
