package io.skitai.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, as a user runs it: {@code java -jar examples/hello/target/hello.jar
 * --skitai-port=N} serves the example on 127.0.0.1:N (runs after {@code package}, by failsafe).
 */
class HelloJarIT {

    @Test
    void theShadedJarServesOnThePortGivenOnTheCommandLine() throws Exception {
        Path jar = Path.of("target", "hello.jar");
        assertThat(jar).exists();
        int port = TestKit.freePort();
        Path log = Files.createTempFile("hello-jar", ".log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--skitai-port=" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            waitForPort(port, p);
            TestClient cli = TestClient.of("http://127.0.0.1:" + port);
            assertThat(cli.get("/").text()).isEqualTo("Hello World");
            assertThat(cli.get("/static/hello.txt").text()).isEqualTo("Hello, static world.\n");
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
            assertThat(p.isAlive()).as("hello.jar exited early").isTrue();
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("hello.jar did not open port " + port + " within 30 s");
    }
}
