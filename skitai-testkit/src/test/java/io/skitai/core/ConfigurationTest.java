package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.testkit.TestKit;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One frozen configuration per server: built once, never changed under a running server. */
class ConfigurationTest {

    @Test
    void aSettingChangedAfterTheServerWasCreatedThrowsNamingIt() {
        ServerBuilder config = ServerBuilder.create();
        Mount mount = config.mount("/", (Handler) ex -> ex.send("x"));
        Pref pref = config.pref().maxClientBodySize(1024);
        SkitaiServer server = SkitaiServer.create(config.build());
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/").text()).isEqualTo("x");
            assertThatThrownBy(() -> config.setKeepAlive(Duration.ofSeconds(5)))
                    .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("SKITAI-C022 setKeepAlive:");
            assertThatThrownBy(() -> config.mount("/late", (Handler) ex -> ex.send("late")))
                    .hasMessageStartingWith("SKITAI-C022 mount:");
            assertThatThrownBy(() -> config.alias("@late", Proto.HTTP, "127.0.0.1:1"))
                    .hasMessageStartingWith("SKITAI-C022 alias:");
            assertThatThrownBy(() -> mount.host("late.example.com")).hasMessageStartingWith("SKITAI-C022 Mount.host of");
            assertThatThrownBy(() -> pref.maxClientBodySize(1)).hasMessageStartingWith("SKITAI-C022 Pref.maxClientBodySize:");
            assertThatThrownBy(() -> pref.config().put("debug", true)).isInstanceOf(UnsupportedOperationException.class);
            assertThat(cli.get("/late").text()).as("the refused mount never took effect").isEqualTo("x");
        });
    }

    private static final Setting<String> GREETING = Setting.of("test.greeting", String.class, "hello");

    @Test
    void aModuleReadsItsTypedSettingWhereItRuns() {
        ServerBuilder config = ServerBuilder.create().set(GREETING, "bonjour");
        config.mount("/", ex -> ex.send(ex.server().setting(GREETING) + " "
                + ex.server().setting(Setting.of("test.unset", Integer.class, 7))));
        TestKit.serve(config, cli -> assertThat(cli.get("/").text()).isEqualTo("bonjour 7"));
        assertThatThrownBy(() -> config.set(GREETING, "late")).hasMessageStartingWith("SKITAI-C022 set test.greeting:");
        assertThat(Setting.of("test.greeting", String.class, "other")).as("settings compare by name").isEqualTo(GREETING);
    }

    @Test
    void theFacadeFreezesItsSettingsWhenTheServerIsCreated() {
        assertThat(ServerBuilder.create().isFrozen()).isFalse();
        ServerBuilder config = ServerBuilder.create();
        assertThat(config.build()).isSameAs(config.build());
        assertThat(config.isFrozen()).isTrue();
    }

    @Test
    void everyBuilderOptionHasAFacadeForm() {
        Set<String> facade = Arrays.stream(Skitai.class.getMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers())).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> options = new TreeSet<>();
        for (Class<?> group : List.of(ServerBuilder.class, MountTable.class, ProcessOptions.class)) {
            Arrays.stream(group.getMethods())
                    .filter(m -> !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == group)
                    .map(Method::getName).filter(n -> !Set.of("build", "isFrozen", "aliases", "setting", "processes", "toString").contains(n))
                    .forEach(options::add);
        }
        assertThat(options).isNotEmpty();
        assertThat(facade).as("Skitai has a static form of every ServerBuilder option").containsAll(options);
    }
}
