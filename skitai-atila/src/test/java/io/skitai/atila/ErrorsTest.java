package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.HttpError;
import io.skitai.core.Pref;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestKit;
import io.skitai.was.Was;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorsTest {

    public static class Guarded {
        @Route("/admin")
        @RunBefore("loggedIn")
        @RunAfter("stamp")
        public String admin(Was was) {
            return "admin " + was.g().get("user");
        }

        public Object loggedIn(Was was) {
            String user = was.request().query("user").orElse(null);
            if (user == null) {
                return Response.of(401, "log in first");
            }
            was.g().put("user", user);
            return null;
        }

        public void stamp(Was was) {
            was.request().header("X-After", "yes");
        }
    }

    public static class Handled {
        @Route("/boom")
        public String boom() {
            throw new IllegalStateException("secret detail");
        }

        @Route("/teapot")
        public String teapot() {
            throw new HttpError(418, "short and stout");
        }

        @ErrorHandler(404)
        public String notFound(Was was, HttpError error) {
            return "<p>missing: " + was.request().pathInfo() + "</p>";
        }

        @ErrorHandler(500)
        public Map<String, Object> failed(Was was, int status, Throwable error) {
            return Map.of("status", status, "error", error.getClass().getSimpleName());
        }

        @ErrorHandler
        public String other(Was was, HttpError error) {
            return "default " + error.status() + ": " + error.getMessage();
        }

        @Route(value = "/only-post", methods = Method.POST)
        public String onlyPost() {
            return "posted";
        }
    }

    public static class Plain {
        @Route("/boom")
        public String boom() {
            throw new IllegalStateException("secret detail");
        }
    }

    @Test
    void runBeforeShortCircuitsAndRunAfterRuns() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Guarded()));
        TestKit.serve(server, cli -> {
            var denied = cli.get("/admin");
            assertThat(denied.status()).isEqualTo(401);
            assertThat(denied.text()).isEqualTo("log in first");
            assertThat(denied.header("X-After")).isEmpty();
            var ok = cli.get("/admin?user=kim");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.text()).isEqualTo("admin kim");
            assertThat(ok.header("X-After")).contains("yes");
        });
    }

    @Test
    void errorHandlersRenderByStatusWithADefault() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Handled()));
        TestKit.serve(server, cli -> {
            var missing = cli.get("/nowhere");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.text()).isEqualTo("<p>missing: /nowhere</p>");
            var boom = cli.get("/boom");
            assertThat(boom.status()).isEqualTo(500);
            assertThat(boom.<Map<String, Object>>data()).isEqualTo(Map.of("status", 500, "error", "IllegalStateException"));
            var teapot = cli.get("/teapot");
            assertThat(teapot.status()).isEqualTo(418);
            assertThat(teapot.text()).isEqualTo("default 418: short and stout");
            var wrong = cli.get("/only-post");
            assertThat(wrong.status()).isEqualTo(405);
            assertThat(wrong.header("Allow")).contains("POST, OPTIONS");
            assertThat(wrong.text()).startsWith("default 405: SKITAI-A052 GET is not allowed here");
        });
    }

    @Test
    void withoutHandlersTheCoreRendersAndHidesTheException() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Plain()));
        TestKit.serve(server, cli -> {
            var html = cli.get("/boom");
            assertThat(html.status()).isEqualTo(500);
            assertThat(html.text()).doesNotContain("secret detail").doesNotContain("at io.skitai");
            var json = cli.request("GET", "/boom").header("Accept", "application/json").send();
            assertThat(json.json().has("traceback")).isFalse();
            assertThat(json.text()).doesNotContain("secret detail");
        });
    }

    @Test
    void debugModeShowsTheTraceback() {
        Atila app = Atila.create().register(new Plain());
        app.config().put("debug", true);
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", app);
        TestKit.serve(server, cli -> {
            var html = cli.get("/boom");
            assertThat(html.status()).isEqualTo(500);
            assertThat(html.text()).contains("Traceback").contains("IllegalStateException: secret detail").contains("ErrorsTest$Plain.boom");
            var json = cli.request("GET", "/boom").header("Accept", "application/json").send();
            assertThat(json.status()).isEqualTo(500);
            assertThat(json.json().get("traceback").asText()).contains("secret detail");
            assertThat(cli.get("/nope").text()).doesNotContain("Traceback");
        });
        ServerBuilder viaPref = ServerBuilder.create();
        viaPref.mount("/", Atila.create().register(new Plain())).pref(Pref.create().debug(true));
        TestKit.serve(viaPref, cli -> assertThat(cli.get("/boom").text()).contains("secret detail"));
    }
}
