package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.daemon.Commands;
import io.skitai.core.daemon.RunDirectory;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.apps.GreeterMain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code start|status|stop} on a single-process Skitai server, as a user types them. */
class EngineDaemonTest {

    @TempDir
    Path tmp;

    @AfterEach
    void killLeftovers() {
        RunDirectory.at(tmp).readPid().flatMap(ProcessHandle::of).ifPresent(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
    }

    private List<String> command(String word, int port) {
        return Commands.java(GreeterMain.class, List.of("-Xmx128m"), word, "--skitai-port=" + port,
                "--skitai-name=greeter", "--skitai-rundir=" + tmp, "--greeting=hi");
    }

    @Test
    void startStatusStopStatus() {
        int port = TestKit.freePort();
        Commands.Result start = Commands.run(command("start", port));
        assertThat(start.exit()).as(start.output()).isZero();
        long pid = RunDirectory.at(tmp).readPid().orElseThrow();
        assertThat(start.output()).startsWith("skitai(greeter) started, pid " + pid);

        try (TestClient cli = TestClient.of("127.0.0.1", port)) {
            assertThat(cli.get("/").text()).isEqualTo("hi from the child JVM");
        }
        Commands.Result status = Commands.run(command("status", port));
        assertThat(status.exit()).isZero();
        assertThat(status.output()).isEqualTo("skitai(greeter) is running, pid " + pid);

        Commands.Result stop = Commands.run(command("-s", port));
        assertThat(stop.exit()).isZero();
        assertThat(stop.output()).isEqualTo("skitai(greeter) stopped (pid " + pid + ")");
        assertThat(ProcessHandle.of(pid)).isEmpty();

        Commands.Result after = Commands.run(command("status", port));
        assertThat(after.exit()).isEqualTo(3);
        assertThat(after.output()).isEqualTo("skitai(greeter) is not running");
        Commands.Result again = Commands.run(command("stop", port));
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.output()).isEqualTo("skitai(greeter) is not running");
    }
}
