package io.skitai.testkit;

import io.skitai.core.Handler;
import io.skitai.core.Run;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.internal.FreePorts;
import io.skitai.testkit.internal.InProcessServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * One-off servers for tests, so most tests are three lines:
 *
 * <pre>{@code
 * @Test
 * void greets() {
 *     TestKit.serve(ex -> ex.send("hello"), cli -> assertThat(cli.get("/").text()).isEqualTo("hello"));
 * }
 * }</pre>
 *
 * <p>The server starts on a free port of 127.0.0.1, the test gets a {@link TestClient} for it,
 * and the server is stopped afterwards whatever happens. Whatever the test throws is rethrown
 * unchanged (checked exceptions included), so assertion failures read as usual.
 */
public final class TestKit {

    private TestKit() {}

    /** The run options of a test server: 127.0.0.1, a free port; change threads etc. on the copy. */
    public static Run run() {
        return Run.port(0).address(FreePorts.LOOPBACK);
    }

    /** A port on 127.0.0.1 that was free a moment ago, for tests that need to know it in advance. */
    public static int freePort() {
        return FreePorts.pick();
    }

    /**
     * Whether {@code command} is installed and exits 0 within 30 s (its output discarded; killed
     * when it takes longer), for skipping an interop test with a reason:
     * {@code assumeTrue(TestKit.commandSucceeds("python3", "-c", "import requests"), "...")}.
     */
    public static boolean commandSucceeds(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts {@code server} on a free port of 127.0.0.1, runs {@code test}, stops the server. */
    public static void serve(SkitaiServer server, ThrowingConsumer<TestClient> test) {
        serve(run(), server, test);
    }

    /**
     * Starts {@code server} with {@code run} (build it from {@link #run()}, e.g.
     * {@code TestKit.run().threads(0)}), runs {@code test}, stops the server.
     */
    public static void serve(Run run, SkitaiServer server, ThrowingConsumer<TestClient> test) {
        try (InProcessServer running = InProcessServer.start(server, run);
             TestClient client = TestClient.of(running.host(), running.port())) {
            test.accept(client);
        } catch (Throwable t) {
            throw TestKit.<RuntimeException>rethrow(t);
        }
    }

    /** Builds {@code config} (freezing it), then {@link #serve(SkitaiServer, ThrowingConsumer)}. */
    public static void serve(ServerBuilder config, ThrowingConsumer<TestClient> test) {
        serve(run(), SkitaiServer.create(config.build()), test);
    }

    /** Builds {@code config} (freezing it), then {@link #serve(Run, SkitaiServer, ThrowingConsumer)}. */
    public static void serve(Run run, ServerBuilder config, ThrowingConsumer<TestClient> test) {
        serve(run, SkitaiServer.create(config.build()), test);
    }

    /** Serves one handler mounted at {@code /} on a fresh server. */
    public static void serve(Handler handler, ThrowingConsumer<TestClient> test) {
        serve(SkitaiServer.create(config -> config.mount("/", handler)), test);
    }

    /**
     * Runs a packaged program as a user does, {@code java -jar JAR --skitai-port=N} with a free
     * port N, waits (up to 30 s) until it listens on 127.0.0.1:N, runs the test against it and
     * stops it afterwards (TERM, then a forced kill after 10 s).
     */
    public static void serveJar(Path jar, ThrowingConsumer<TestClient> test) {
        serveJar(jar, List.of(), test);
    }

    /** {@link #serveJar(Path, ThrowingConsumer)} with the program's own arguments after {@code --skitai-port=N}. */
    public static void serveJar(Path jar, List<String> args, ThrowingConsumer<TestClient> test) {
        int port = freePort();
        Process process = null;
        Path log = null;
        try {
            log = Files.createTempFile("skitai-jar", ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "--skitai-port=" + port));
            command.addAll(args);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            awaitPort(process, port, jar, log);
            test.accept(TestClient.of("http://127.0.0.1:" + port));
        } catch (Throwable t) {
            throw TestKit.<RuntimeException>rethrow(t);
        } finally {
            if (process != null) {
                process.destroy();
                try {
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            if (log != null) {
                log.toFile().delete();
            }
        }
    }

    private static void awaitPort(Process process, int port, Path jar, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(jar + " exited early with status " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError(jar + " did not listen on port " + port + " within 30 s:\n" + Files.readString(log));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable t) throws T {
        throw (T) t;
    }
}
