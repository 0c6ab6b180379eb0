package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupErrorsTest {

    @TempDir
    Path dir;

    private static void assertOneLine(Throwable e, String id, String... words) {
        assertThat(e).isInstanceOf(StartupException.class);
        assertThat(e.getMessage()).startsWith(id).doesNotContain("\n").contains(words);
    }

    @Test
    void portInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ServerBuilder serverConfig = ServerBuilder.create();
            serverConfig.mount("/", ex -> ex.send("x"));
            SkitaiServer server = SkitaiServer.create(serverConfig.build());
            assertThatThrownBy(() -> server.start(Run.port(taken.getLocalPort())))
                    .satisfies(e -> assertOneLine(e, "SKITAI-C001", "port " + taken.getLocalPort(), "already in use"));
            assertThat(server.isRunning()).isFalse();
        }
    }

    @Test
    void missingCertificate() {
        ServerBuilder serverConfig = ServerBuilder.create().enableSsl(dir.resolve("nope.crt"), dir.resolve("nope.key"), null);
        serverConfig.mount("/", ex -> ex.send("x"));
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        assertThatThrownBy(() -> server.start(Run.port(0)))
                .isInstanceOf(StartupException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains("nope.crt"));
    }

    @Test
    void statusDashboardWithoutMicrometer() {
        // This module's tests run without micrometer-core (core's dependency on it is optional).
        assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry"))
                .as("micrometer-core is not on this classpath").isInstanceOf(ClassNotFoundException.class);
        ServerBuilder serverConfig = ServerBuilder.create().enableStatusDashboard(StatusDashboard.at("/status"));
        serverConfig.mount("/", ex -> ex.send("x"));
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        assertThatThrownBy(() -> server.start(Run.port(0)))
                .satisfies(e -> assertOneLine(e, "SKITAI-C095", "io.micrometer:micrometer-core"));
        assertThat(server.isRunning()).isFalse();
        assertThatThrownBy(Metrics::defaults).as("metrics into a default registry")
                .satisfies(e -> assertOneLine(e, "SKITAI-C097", "io.micrometer:micrometer-core"));
    }

    @Test
    void staticDirectoryThatDoesNotExist() {
        ServerBuilder serverConfig = ServerBuilder.create();
        serverConfig.mount("/static", dir.resolve("missing"));
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        assertThatThrownBy(() -> server.start(Run.port(0)))
                .satisfies(e -> assertOneLine(e, "SKITAI-C005", "missing", "/static"));
    }

    @Test
    void mountTargetOfUnknownKind() {
        assertThatThrownBy(() -> ServerBuilder.create().mount("/x", (Object) Integer.valueOf(42)))
                .as("refused when mounted, not at start").isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SKITAI-C006").hasMessageContaining("java.lang.Integer").hasMessageContaining("/x");
        ServerBuilder byNameConfig = ServerBuilder.create();
        byNameConfig.mount("/y", "com.example.NoSuchApp");
        SkitaiServer byName = SkitaiServer.create(byNameConfig.build());
        assertThatThrownBy(() -> byName.start(Run.port(0)))
                .satisfies(e -> assertOneLine(e, "SKITAI-C007", "com.example.NoSuchApp", "no such class"));
    }

    @Test
    void theProgramPrintsOneLineAndExitsNonZero() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), PortInUseMain.class.getName(),
                    "--skitai-port=" + taken.getLocalPort())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                List<String> lines = err.lines().filter(l -> !l.startsWith("WARNING:")).toList();
                assertThat(p.exitValue()).isEqualTo(2);
                assertThat(lines).hasSize(1);
                assertThat(lines.get(0)).startsWith("skitai: error: SKITAI-C001 port " + taken.getLocalPort());
                assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
            } finally {
                p.destroyForcibly();
            }
        }
    }

    /** A program whose port is taken. */
    public static final class PortInUseMain {
        public static void main(String[] args) {
            Skitai.mount("/", ex -> ex.send("never"));
            Skitai.run(Run.port(5000).args(args));
        }
    }

}
