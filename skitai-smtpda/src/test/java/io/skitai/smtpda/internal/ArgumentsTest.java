package io.skitai.smtpda.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void commandOptionsAndTheForegroundRest() {
        Arguments a = Arguments.parse(List.of("--user", "start", "restart", "--ssl", "--max-retry=3", "--config", "x.conf"));
        assertThat(a.command()).contains("restart");
        assertThat(a.settings()).isEqualTo(Map.of("user", "start", "ssl", "true", "max-retry", "3"));
        assertThat(a.configFile()).hasValueSatisfying(p -> assertThat(p.toString()).isEqualTo("x.conf"));
        assertThat(a.rest()).containsExactly("--user", "start", "--ssl", "--max-retry=3", "--config", "x.conf");
    }

    @Test
    void engineShortWordsAreCommands() {
        assertThat(Arguments.parse(List.of("-d")).command()).contains("start");
        assertThat(Arguments.parse(List.of("-s")).command()).contains("stop");
        assertThat(Arguments.parse(List.of()).command()).isEmpty();
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> Arguments.parse(List.of("start", "stop"))).hasMessageContaining("give one command");
        assertThatThrownBy(() -> Arguments.parse(List.of("--spool"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Arguments.parse(List.of("--nope=1"))).hasMessageContaining("--nope");
    }
}
