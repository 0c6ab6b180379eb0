package io.skitai.core.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.apps.SleeperMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reusable daemon API on a program that is not an HTTP server. */
class DaemonTest {

    @TempDir
    Path tmp;

    private Daemon daemon;

    @AfterEach
    void killLeftovers() {
        if (daemon != null) {
            daemon.running().ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().join();
            });
        }
    }

    private Daemon sleeper(String... args) {
        JavaCommand command = new JavaCommand(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                List.of("-Xmx64m"), List.of("-cp", System.getProperty("java.class.path"), SleeperMain.class.getName()),
                List.of(args));
        Path work = tmp.resolve("work");
        work.toFile().mkdirs();
        daemon = Daemon.of(DaemonSpec.of("sleeper", command)
                .withRunDirectory(tmp.resolve("run"))
                .withWorkingDirectory(work)
                .withReadyTimeout(Duration.ofSeconds(30))
                .withStopTimeout(Duration.ofSeconds(10)));
        return daemon;
    }

    @Test
    void startStatusStopStatusCycle() throws Exception {
        Daemon d = sleeper();
        Out out = new Out();

        assertThat(d.control("start", out.stream, out.stream)).isEqualTo(Daemon.OK);
        long pid = d.running().map(ProcessHandle::pid).orElseThrow();
        assertThat(out.take()).startsWith("sleeper started, pid " + pid);
        assertThat(d.spec().runDirectory().readPid()).contains(pid);
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            assertThat(Long.parseLong(fields[3])).as("the daemon leads its own session").isEqualTo(pid);
        }

        assertThat(d.control("status", out.stream, out.stream)).isEqualTo(Daemon.OK);
        assertThat(out.take()).isEqualTo("sleeper is running, pid " + pid);

        assertThat(d.control("-s", out.stream, out.stream)).isEqualTo(Daemon.OK);
        assertThat(out.take()).isEqualTo("sleeper stopped (pid " + pid + ")");
        assertThat(process.isAlive()).isFalse();
        assertThat(d.spec().runDirectory().pidFile()).doesNotExist();

        assertThat(d.control("status", out.stream, out.stream)).isEqualTo(Daemon.NOT_RUNNING);
        assertThat(out.take()).isEqualTo("sleeper is not running");
        assertThat(d.control("stop", out.stream, out.stream)).isEqualTo(Daemon.FAILED);
        assertThat(out.take()).isEqualTo("sleeper is not running");

        String log = Files.readString(d.spec().runDirectory().stdoutLog());
        assertThat(log).contains("sleeper: up in " + tmp.resolve("work"));
    }

    @Test
    void restartReplacesTheProcessAndStartTwiceKeepsIt() {
        Daemon d = sleeper();
        Out out = new Out();
        assertThat(d.control("-d", out.stream, out.stream)).isEqualTo(Daemon.OK);
        long first = d.running().orElseThrow().pid();
        assertThat(d.control("start", out.stream, out.stream)).isEqualTo(Daemon.OK);
        assertThat(out.take()).endsWith("sleeper is already running, pid " + first);
        assertThat(d.control("-r", out.stream, out.stream)).isEqualTo(Daemon.OK);
        long second = d.running().orElseThrow().pid();
        assertThat(second).isNotEqualTo(first);
        assertThat(ProcessHandle.of(first).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(d.control("stop", out.stream, out.stream)).isEqualTo(Daemon.OK);
    }

    @Test
    void aProgramThatExitsWhileStartingIsReportedWithItsLog() {
        Daemon d = sleeper("fail");
        Out out = new Out();
        assertThat(d.control("start", out.stream, out.stream)).isEqualTo(Daemon.FAILED);
        assertThat(out.take()).startsWith("SKITAI-C051 sleeper exited with status 7 while starting")
                .contains("sleeper: refusing to start, as asked");
        assertThat(d.running()).isEmpty();
    }

    @Test
    void aStalePidFileCountsAsNotRunning() throws Exception {
        Daemon d = sleeper();
        RunDirectory dir = d.spec().runDirectory().create();
        dir.writePid(ProcessHandle.current().pid());
        Out out = new Out();
        assertThat(d.control("status", out.stream, out.stream)).isEqualTo(Daemon.NOT_RUNNING);
        assertThat(out.take()).isEqualTo("sleeper is not running");
    }

    /** Collects what a command prints. */
    private static final class Out {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String take() {
            String s = bytes.toString(StandardCharsets.UTF_8).strip();
            bytes.reset();
            return s;
        }
    }
}
