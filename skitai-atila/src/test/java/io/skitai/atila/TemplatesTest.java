package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Pref;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestKit;
import io.skitai.was.Was;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {

    /** A model object whose methods and getters a template calls (think: a request the controller fired). */
    public static class Ticket {
        public String status() {
            return "ok";
        }

        public String getLabel() {
            return "L-7";
        }

        public int add(int a, int b) {
            return a + b;
        }
    }

    public static class Pages {
        @Route("/hello")
        public String hello(Was was, String name) {
            return was.render("hello.html", Map.of("name", name, "ticket", new Ticket()));
        }

        @Route("/")
        public String index(Was was) {
            return was.render("index.html");
        }

        @Route("/missing")
        public String missing(Was was) {
            return was.render("nope.html");
        }

        @Route("/broken")
        public String broken(Was was) {
            return was.render("broken.html", Map.of("name", "x"));
        }
    }

    @Test
    void rendersModelAndWasFromClasspathTemplates() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/app", Atila.create().register(new Pages()));
        TestKit.serve(server, cli -> {
            var res = cli.get("/app/hello?name=Ann");
            assertThat(res.status()).isEqualTo(200);
            assertThat(res.contentType()).isEqualTo("text/html; charset=utf-8");
            assertThat(res.text()).contains("base=/app name=Ann status=ok label=L-7 sum=5");
        });
    }

    @Test
    void escapesHtmlInModelValues() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Pages()));
        TestKit.serve(server, cli -> {
            String text = cli.get("/hello?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E").text();
            assertThat(text).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        });
    }

    @Test
    void versionedAppsRenderTheirOwnTemplatesSideBySide() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/v1", Atila.create().register(new Pages()).templates("v1/templates"));
        server.mount("/v2", Atila.create().register(new Pages()).templates("/v2/templates/"));
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/v1/").text()).contains("<h1>v1 index</h1> at /v1");
            assertThat(cli.get("/v2/").text()).contains("<h1>v2 index</h1> at /v2");
            assertThat(cli.get("/v1/").text()).contains("v1 index");
        });
    }

    @Test
    void versionedAppsFromTwoDirectories(@TempDir Path dir) throws Exception {
        Path v1 = Files.createDirectories(dir.resolve("app_v1/templates"));
        Path v2 = Files.createDirectories(dir.resolve("app_v2/templates"));
        Files.writeString(v1.resolve("index.html"), "one {{ was.basepath() }}");
        Files.writeString(v2.resolve("index.html"), "two {{ was.basepath() }}");
        ServerBuilder server = ServerBuilder.create();
        server.mount("/v1", Atila.create().register(new Pages()).templates(v1));
        server.mount("/v2", Atila.create().register(new Pages()).templates(v2));
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/v1/").text()).isEqualTo("one /v1");
            assertThat(cli.get("/v2/").text()).isEqualTo("two /v2");
        });
    }

    @Test
    void debugReloadsAnEditedTemplate(@TempDir Path dir) throws Exception {
        Path index = dir.resolve("index.html");
        Files.writeString(index, "first");
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Pages()).templates(dir)).pref(Pref.create().debug(true));
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/").text()).isEqualTo("first");
            Files.writeString(index, "second");
            assertThat(cli.get("/").text()).isEqualTo("second");
        });
    }

    @Test
    void debugFromTheAppConfigReloadsToo(@TempDir Path dir) throws Exception {
        Path index = dir.resolve("index.html");
        Files.writeString(index, "first");
        Atila app = Atila.create().register(new Pages()).templates(dir);
        app.config().put("debug", true);
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", app);
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/").text()).isEqualTo("first");
            Files.writeString(index, "second");
            assertThat(cli.get("/").text()).isEqualTo("second");
        });
    }

    @Test
    void withoutDebugCompiledTemplatesAreCached(@TempDir Path dir) throws Exception {
        Path index = dir.resolve("index.html");
        Files.writeString(index, "first");
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Pages()).templates(dir));
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/").text()).isEqualTo("first");
            Files.writeString(index, "second");
            assertThat(cli.get("/").text()).isEqualTo("first");
        });
    }

    @Test
    void missingTemplateIsA500LoggedWithItsName() {
        List<LogRecord> log = new CopyOnWriteArrayList<>();
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Pages()));
        withLog(log, () -> TestKit.serve(server, cli -> {
            var res = cli.get("/missing");
            assertThat(res.status()).isEqualTo(500);
            assertThat(res.text()).doesNotContain("nope.html").doesNotContain("not found");
        }));
        assertThat(causes(log)).anySatisfy(m -> assertThat(m).contains("SKITAI-A060 template \"nope.html\" not found in classpath:templates/"));
    }

    @Test
    void templateSyntaxErrorIsA500LoggedWithNameAndLine() {
        List<LogRecord> log = new CopyOnWriteArrayList<>();
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Pages()));
        withLog(log, () -> TestKit.serve(server, cli -> {
            var res = cli.get("/broken");
            assertThat(res.status()).isEqualTo(500);
            assertThat(res.text()).doesNotContain("broken.html");
        }));
        assertThat(causes(log)).anySatisfy(m -> assertThat(m).contains("broken.html").containsPattern("line \\d+"));
    }

    private static void withLog(List<LogRecord> records, Runnable body) {
        Logger logger = Logger.getLogger("io.skitai");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            body.run();
        } finally {
            logger.removeHandler(handler);
        }
    }

    private static List<String> causes(List<LogRecord> records) {
        return records.stream()
                .filter(r -> r.getThrown() != null)
                .map(r -> String.valueOf(r.getThrown().getMessage()))
                .toList();
    }
}
