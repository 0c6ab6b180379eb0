package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArgOptTest {

    @Test
    void parsesLikeGetoptAfterTheEngineTookItsOptions() {
        ArgOpt o = Skitai.argopt(new String[] {"--skitai-port=7000", "-h", "-fapp.conf", "--debug", "--origin=x",
                "start", "file1", "-z"}, "hf:", "ssl", "debug", "origin=");
        assertThat(o.options()).extracting(ArgOpt.Option::name).containsExactly("-h", "-f", "--debug", "--origin");
        assertThat(o.get("-f")).contains("app.conf");
        assertThat(o.get("--origin")).contains("x");
        assertThat(o.has("--ssl")).isFalse();
        assertThat(o.get("f")).as("a one-letter name without its dash").contains("app.conf");
        assertThat(o.get("origin")).as("a long name without its dashes").contains("x");
        assertThat(o.has("debug")).isTrue();
        assertThat(o.has("h")).isTrue();
        assertThat(o.arguments()).containsExactly("file1", "-z");
    }

    @Test
    void unknownOptionsAndMissingValuesAreErrors() {
        assertThatThrownBy(() -> Skitai.argopt(new String[] {"-q"}, "h")).hasMessageContaining("-q");
        assertThatThrownBy(() -> Skitai.argopt(new String[] {"--origin"}, "", "origin=")).hasMessageContaining("requires a value");
    }
}
