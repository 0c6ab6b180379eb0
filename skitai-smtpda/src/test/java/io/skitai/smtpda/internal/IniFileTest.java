package io.skitai.smtpda.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IniFileTest {

    @Test
    void readsSectionsKeysAndValuesLikeConfigParser() {
        IniFile ini = IniFile.parse(List.of("# comment", "[smtpda]", "  Max-Retry = 3 ", "user: me", "; another", "",
                "[cron]", "x = 1"), "test.conf");
        assertThat(ini.section("smtpda")).isEqualTo(Map.of("max-retry", "3", "user", "me"));
        assertThat(ini.section("cron")).isEqualTo(Map.of("x", "1"));
        assertThat(ini.section("absent")).isEmpty();
    }

    @Test
    void aLineOutsideASectionOrWithoutValueIsAnError() {
        assertThatThrownBy(() -> IniFile.parse(List.of("key = value"), "a.conf")).hasMessageStartingWith("SKITAI-S019 a.conf line 1");
        assertThatThrownBy(() -> IniFile.parse(List.of("[s]", "novalue"), "a.conf")).hasMessageContaining("a.conf line 2");
    }
}
