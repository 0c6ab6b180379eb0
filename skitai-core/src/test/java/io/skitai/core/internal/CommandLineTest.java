package io.skitai.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.Run;
import io.skitai.core.StartupException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void skitaiOptionsOverrideTheRunAndAreTakenOut() {
        CommandLine line = CommandLine.parse(Run.port(5000).threads(8),
                List.of("--skitai-port=18080", "--debug", "--skitai-address", "0.0.0.0", "--skitai-threads=0",
                        "--skitai-name=svc", "x.conf"));
        assertThat(line.run().port()).isEqualTo(18080);
        assertThat(line.run().address()).isEqualTo("0.0.0.0");
        assertThat(line.run().threads()).isZero();
        assertThat(line.run().name()).isEqualTo("svc");
        assertThat(line.appArgs()).containsExactly("--debug", "x.conf");
        assertThat(line.daemonCommand()).isEmpty();
    }

    @Test
    void daemonWordsAreTakenOut() {
        CommandLine line = CommandLine.parse(Run.defaults(), List.of("-d", "--verbose"));
        assertThat(line.daemonCommand()).contains("-d");
        assertThat(line.appArgs()).containsExactly("--verbose");
        assertThat(CommandLine.appArguments(List.of("restart", "--skitai-port", "1", "a"))).containsExactly("a");
    }

    @Test
    void runDirectoryOptionIsTheEnginesAndDaemonWordsLeaveTheDaemonsCommandLine() {
        CommandLine line = CommandLine.parse(Run.defaults(), List.of("--skitai-rundir=/tmp/r", "start", "a"));
        assertThat(line.runDirectory()).contains(java.nio.file.Path.of("/tmp/r"));
        assertThat(line.appArgs()).containsExactly("a");
        assertThat(CommandLine.withoutDaemonWords(List.of("-d", "--skitai-name", "start", "--skitai-port=1", "x", "status")))
                .containsExactly("--skitai-name", "start", "--skitai-port=1", "x");
        assertThatThrownBy(() -> CommandLine.parse(Run.defaults(), List.of("--skitai-rundir=")))
                .isInstanceOf(StartupException.class).hasMessageContaining("needs a directory");
    }

    @Test
    void badOptionsFailWithOneLineNamingThem() {
        assertThatThrownBy(() -> CommandLine.parse(Run.defaults(), List.of("--skitai-port=abc")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("--skitai-port=abc").hasMessageContaining("not a number");
        assertThatThrownBy(() -> CommandLine.parse(Run.defaults(), List.of("--skitai-prot=1")))
                .isInstanceOf(StartupException.class).hasMessageContaining("unknown");
        assertThatThrownBy(() -> CommandLine.parse(Run.defaults(), List.of("--skitai-port=70000")))
                .isInstanceOf(StartupException.class).hasMessageContaining("0..65535");
    }
}
