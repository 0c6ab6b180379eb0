package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void badRoutesFailAtStartWithAClearMessage() {
        assertThatThrownBy(() -> Atila.create().register(new Duplicate()).start(ROOT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two routes for GET /a/{name}");
        assertThatThrownBy(() -> Atila.create().register(new BadDefault()).start(ROOT))
                .hasMessageContaining("BadDefault.x(n): default value 'ten' is not an integer");
        assertThatThrownBy(() -> Atila.create().register(new BadTemplate()).start(ROOT))
                .hasMessageContaining("must be the last segment");
        assertThatThrownBy(() -> Atila.create().register(new Unbindable()).start(ROOT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Unbindable.x(things): cannot bind a request parameter");
        assertThatThrownBy(() -> Atila.create().register(new TwoBodies()).start(ROOT))
                .hasMessageContaining("TwoBodies.y(b): only one parameter can bind the request body");
    }

    @Test
    void registeringAfterStartFails() throws Exception {
        Atila app = Atila.create();
        app.start(ROOT);
        assertThatThrownBy(() -> app.register(new BadDefault())).hasMessageContaining("after the app started");
    }
}
