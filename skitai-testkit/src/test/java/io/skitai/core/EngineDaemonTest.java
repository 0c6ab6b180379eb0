package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.daemon.Commands;
import io.skitai.core.daemon.RunDirectory;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.MultiProcessServer;
import io.skitai.testkit.apps.GreeterMain;
import io.skitai.testkit.apps.WorkersMain;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
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

    @Test
    @EnabledOnOs(OS.LINUX)
    void startStatusStopStatusWithTwoWorkers() throws Exception {
        int port = TestKit.freePort();
        List<String> start = Commands.java(WorkersMain.class, List.of("-Xmx160m"), "-d", "--skitai-port=" + port,
                "--skitai-workers=2", "--skitai-rundir=" + tmp);
        Commands.Result started = Commands.run(start);
        assertThat(started.exit()).as(started.output()).isZero();
        long pid = RunDirectory.at(tmp).readPid().orElseThrow();
        assertThat(started.output()).startsWith("skitai(wtest) started, pid " + pid);
        ProcessHandle master = ProcessHandle.of(pid).orElseThrow();
        assertThat(MultiProcessServer.commandLine(master)).contains("skitai(wtest): master");
        // The master's children: the two workers, and the spare worker once the master has launched it.
        List<ProcessHandle> workers = master.children()
                .filter(w -> MultiProcessServer.commandLine(w).contains("skitai(wtest): worker #")).toList();
        assertThat(workers).hasSize(2);

        Set<Long> answered = new HashSet<>();
        try (TestClient cli = TestClient.of("127.0.0.1", port)) {
            for (int i = 0; i < 200 && answered.size() < 2; i++) {
                answered.add(cli.request("GET", "/pid").header("Connection", "close").send().json().get("pid").asLong());
            }
        }
        assertThat(answered).containsExactlyInAnyOrderElementsOf(workers.stream().map(ProcessHandle::pid).toList());

        Commands.Result status = Commands.run(daemon("status", port));
        assertThat(status.exit()).isZero();
        assertThat(status.output()).isEqualTo("skitai(wtest) is running, pid " + pid);
        List<ProcessHandle> children = master.children().toList();
        Commands.Result stop = Commands.run(daemon("stop", port));
        assertThat(stop.exit()).as(stop.output()).isZero();
        assertThat(stop.output()).isEqualTo("skitai(wtest) stopped (pid " + pid + ")");
        for (ProcessHandle w : children) {
            w.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(master.isAlive()).isFalse();
        Commands.Result after = Commands.run(daemon("status", port));
        assertThat(after.exit()).isEqualTo(3);
        assertThat(after.output()).isEqualTo("skitai(wtest) is not running");
        assertThat(Commands.run(daemon("-s", port)).exit()).isEqualTo(1);
        assertThat(tmp.resolve("stderr.log")).content().contains("master pid " + pid + " serves with 2 workers");
    }

    private List<String> daemon(String word, int port) {
        return Commands.java(WorkersMain.class, List.of("-Xmx160m"), word, "--skitai-port=" + port,
                "--skitai-workers=2", "--skitai-rundir=" + tmp);
    }
}
