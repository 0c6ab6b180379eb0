package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.HttpError;
import io.skitai.core.MountInfo;
import io.skitai.core.Pref;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupTest {

    private static final MountInfo ROOT = new MountInfo("", List.of(), "test", Pref.create());

    public static class Duplicate {
        @Route("/a/{id}")
        public String one(String id) {
            return id;
        }

        @Route("/a/{name}")
        public String two(String name) {
            return name;
        }
    }

    public static class Unbindable {
        @Route("/x")
        public String x(@Param Map<String, String> things) {
            return "";
        }
    }

    public static class TwoBodies {
        @Route(value = "/y", methods = Method.POST)
        public String y(@Body Object a, @Body Object b) {
            return "";
        }
    }

    public static class BadDefault {
        @Route("/x")
        public String x(@Param(defaultValue = "ten") int n) {
            return "";
        }
    }

    public static class BadTemplate {
        @Route("/x/{rest:path}/y")
        public String x(String rest) {
            return rest;
        }
    }

    public static class UnknownHook {
        @Route("/z")
        @RunBefore("nosuchMethod")
        public String z() {
            return "";
        }
    }

    public static class StaticRoute {
        @Route("/s")
        public static String s() {
            return "";
        }
    }

    public static class TwoFallbacks {
        @Route("/")
        public String index() {
            return "";
        }

        @ErrorHandler
        public String one(HttpError e) {
            return "";
        }

        @ErrorHandler
        public String two(HttpError e) {
            return "";
        }
    }

    @Test
    void badRoutesFailAtStartWithAClearMessage() {
        assertThatThrownBy(() -> Atila.create().register(new Duplicate()).start(ROOT))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("SKITAI-A016 two routes for GET /a/{name}");
        assertThatThrownBy(() -> Atila.create().register(new BadDefault()).start(ROOT))
                .hasMessageStartingWith("SKITAI-A022 BadDefault.x(n): default value 'ten' is not an integer");
        assertThatThrownBy(() -> Atila.create().register(new BadTemplate()).start(ROOT))
                .hasMessageStartingWith("SKITAI-A015 BadTemplate.x: route '/x/{rest:path}/y'")
                .hasMessageContaining("must be the last segment");
        assertThatThrownBy(() -> Atila.create().register(new Unbindable()).start(ROOT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("SKITAI-A021 Unbindable.x(things): cannot bind a request parameter");
        assertThatThrownBy(() -> Atila.create().register(new TwoBodies()).start(ROOT))
                .hasMessageStartingWith("SKITAI-A020 TwoBodies.y(b): only one parameter can bind the request body");
        assertThatThrownBy(() -> Atila.create().register(new UnknownHook()).start(ROOT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("SKITAI-A017 UnknownHook.z: @RunBefore names 'nosuchMethod', which is not a method of UnknownHook");
        assertThatThrownBy(() -> Atila.create().register(new StaticRoute()).start(ROOT))
                .hasMessageStartingWith("SKITAI-A010 ").hasMessageEndingWith("StaticRoute.s(): @Route methods must not be static");
        assertThatThrownBy(() -> Atila.create().register(new TwoFallbacks()).start(ROOT))
                .hasMessageStartingWith("SKITAI-A031 ").hasMessageContaining("a second default @ErrorHandler");
    }

    @Test
    void misusingTheAppFailsWithItsId() {
        assertThatThrownBy(() -> Atila.create().register(null)).hasMessageStartingWith("SKITAI-A001 register(null)");
        assertThatThrownBy(() -> Atila.create().reload()).hasMessageStartingWith("SKITAI-A003 reload() before the app started");
        assertThatThrownBy(() -> Atila.create().emit("x")).hasMessageStartingWith("SKITAI-A004 events need a started app");
        assertThatThrownBy(() -> Atila.create().templates((String) null)).hasMessageStartingWith("SKITAI-A005 templates(null)");
        assertThatThrownBy(() -> Response.of(42, "x")).hasMessageStartingWith("SKITAI-A066 HTTP status must be 100..599, got 42");
    }

    @Test
    void registeringAfterStartFails() throws Exception {
        Atila app = Atila.create();
        app.start(ROOT);
        assertThatThrownBy(() -> app.register(new BadDefault())).hasMessageStartingWith("SKITAI-A002 register(BadDefault) after the app started");
    }
}
