package io.skitai.examples.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, as a user runs it: {@code java -jar examples/atila-app/target/atila-app.jar
 * --skitai-port=N} serves the example on 127.0.0.1:N (runs after {@code package}, by failsafe).
 */
class AtilaAppJarIT {

    @Test
    void theShadedJarServesOnThePortGivenOnTheCommandLine() throws Exception {
        Path jar = Path.of("target", "atila-app.jar");
        assertThat(jar).exists();
        int port = TestKit.freePort();
        Path log = Files.createTempFile("atila-app.jar", ".log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--skitai-port=" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            waitForPort(port, p);
            TestClient cli = TestClient.of("http://127.0.0.1:" + port);
            assertThat(cli.get("/").text()).contains("<li>apple</li>", "href=\"/users/7\"");
            assertThat(cli.get("/users/7", java.util.Map.of("fields", "id")).<java.util.Map<String, Object>>data())
                    .isEqualTo(java.util.Map.of("id", 7));
            assertThat(cli.get("/missing").status()).isEqualTo(404);
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    private static void waitForPort(int port, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            assertThat(p.isAlive()).as("atila-app.jar exited early").isTrue();
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("atila-app.jar did not open port " + port + " within 30 s");
    }
}
