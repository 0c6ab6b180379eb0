package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.MountInfo;
import io.skitai.core.Pref;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.core.StartupException;
import io.skitai.testkit.TestKit;
import io.skitai.was.Was;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    public static class Hooks {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @BeforeMount
        public void beforeMount(Atila app, MountInfo mount) {
            calls.add("beforeMount " + mount.point() + " " + app.config().get("greeting"));
        }

        @Mounted
        public void mounted() {
            calls.add("mounted");
        }

        @BeforeUmount
        public void beforeUmount(MountInfo mount) {
            calls.add("beforeUmount " + mount.point());
        }

        @Umounted
        public void umounted(Atila app) {
            calls.add("umounted");
        }

        @BeforeReload
        public void beforeReload() {
            calls.add("beforeReload");
        }

        @Reloaded
        public void reloaded() {
            calls.add("reloaded");
        }

        @Route("/calls")
        public List<String> list() {
            return calls;
        }
    }

    public static class Counter {
        private final Atila app;

        Counter(Atila app) {
            this.app = app;
        }

        @Route("/count")
        public String count() {
            return "count " + app.store().merge("hits", 1, (a, b) -> (Integer) a + (Integer) b);
        }

        @Route("/config")
        public Map<String, Object> config(Was was) {
            return app.config(was);
        }
    }

    public static class Broken {
        @BeforeMount
        public void fail() {
            throw new IllegalStateException("database unreachable");
        }
    }

    public static class Ticker {
        final AtomicInteger ticks = new AtomicInteger();
        volatile long lastNow;

        @Maintain
        public void tick(Atila app, long now) {
            lastNow = now;
            app.store().put("ticks", ticks.incrementAndGet());
        }
    }

    @Test
    void hooksRunInOrderAtMountAndStop() {
        Hooks hooks = new Hooks();
        Atila app = Atila.create().register(hooks);
        app.config().put("greeting", "hi");
        ServerBuilder server = ServerBuilder.create();
        server.mount("/h", app);
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/h/calls").<List<String>>data()).containsExactly("beforeMount /h hi", "mounted");
            app.reload();
            assertThat(cli.get("/h/calls").<List<String>>data()).endsWith("beforeReload", "reloaded");
        });
        assertThat(hooks.calls).containsExactly("beforeMount /h hi", "mounted", "beforeReload", "reloaded",
                "beforeUmount /h", "umounted");
    }

    @Test
    void prefConfigOverridesAppConfig() {
        Atila app = Atila.create();
        app.register(new Counter(app));
        app.config().put("name", "app");
        app.config().put("kept", 1);
        Pref pref = Pref.create();
        pref.config().put("name", "pref");
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", app).pref(pref);
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/config").<Map<String, Object>>data()).containsEntry("name", "pref").containsEntry("kept", 1);
        });
    }

    @Test
    void eachMountOfOneAppKeepsItsOwnOverrides() {
        Atila app = Atila.create();
        app.register(new Counter(app));
        app.config().put("name", "app");
        Pref a = Pref.create();
        a.config().put("name", "a");
        Pref b = Pref.create();
        b.config().put("name", "b");
        ServerBuilder server = ServerBuilder.create();
        server.mount("/a", app).pref(a);
        server.mount("/b", app).pref(b);
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/a/config").<Map<String, Object>>data()).containsEntry("name", "a");
            assertThat(cli.get("/b/config").<Map<String, Object>>data()).containsEntry("name", "b");
            assertThat(app.config()).as("the app's own config is not changed by its mounts").containsEntry("name", "app");
        });
    }

    @Test
    void storeIsSharedAcrossRequests() {
        Atila app = Atila.create();
        app.register(new Counter(app));
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", app);
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/count").text()).isEqualTo("count 1");
            assertThat(cli.get("/count").text()).isEqualTo("count 2");
            assertThat(app.store()).containsEntry("hits", 2);
        });
    }

    @Test
    void failingBeforeMountFailsTheStartNamingTheMountPoint() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/broken", Atila.create().register(new Broken()));
        assertThatThrownBy(() -> TestKit.serve(server, cli -> {}))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("/broken")
                .hasMessageContaining("database unreachable");
    }

    @Test
    void badHookSignatureFailsTheStart() {
        MountInfo root = new MountInfo("", List.of(), "test", Pref.create());
        Object bad = new Object() {
            @Mounted
            public void mounted(String what) {}
        };
        assertThatThrownBy(() -> Atila.create().register(bad).start(root))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("SKITAI-A030 ").hasMessageContaining("a @Mounted method takes only");
    }

    @Test
    void maintainTicksWhileMountedAndStopsAtUmount() throws Exception {
        Ticker ticker = new Ticker();
        Atila app = Atila.create().register(ticker);
        app.config().put("maintainInterval", 1);
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", app);
        TestKit.serve(server, cli -> {
            long deadline = System.currentTimeMillis() + 5000;
            while (ticker.ticks.get() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(ticker.ticks.get()).isGreaterThanOrEqualTo(2);
            assertThat(ticker.lastNow).isPositive();
            assertThat(app.store().get("ticks")).isNotNull();
        });
        int after = ticker.ticks.get();
        Thread.sleep(1500);
        assertThat(ticker.ticks.get()).isEqualTo(after);
    }
}
