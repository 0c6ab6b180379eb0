package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.ServerBuilder;
import io.skitai.core.TrustedProxies;
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

/**
 * The request helpers of was on a real server: the real client address behind trusted proxies only,
 * private addresses, the app log with transaction ids, temporary files removed after the request,
 * unique ids, and links to another mounted app's routes.
 */
class WebHelpersTest {

    /** The app whose routes the other links to. */
    public static final class Admin {
        @Route(value = "/users/{id:int}", name = "user")
        public String user(int id) {
            return "user " + id;
        }
    }

    /** The app under test. */
    public static final class Site {
        static final List<Path> temps = new CopyOnWriteArrayList<>();

        @Route("/ip")
        public Map<String, Object> ip(Was was) {
            return Map.of("ip", was.realIp(), "private", was.isPrivateIp());
        }

        @Route("/log")
        public String log(Was was) {
            was.log("hello from the site");
            was.traceback(new IllegalStateException("just a test"));
            return was.gtxid();
        }

        @Route("/temp")
        public String temp(Was was) throws Exception {
            Path p = was.gentemp();
            Files.writeString(p, "scratch");
            temps.add(p);
            return Files.exists(p) + " " + was.uniqid() + " " + was.uniqid();
        }

        @Route("/cookie")
        public String cookie(Was was) {
            String seen = was.cookie().get("theme").orElse("-");
            was.cookie().set("theme", "dark").remove("old");
            return seen;
        }

        @Route("/link")
        public String link(Was was) {
            return was.apps().urlFor("admin", "user", 7) + " " + was.apps().names();
        }
    }

    @Test
    void realIpBelievesOnlyTrustedProxies() {
        ServerBuilder trusting = ServerBuilder.create();
        trusting.set(TrustedProxies.SETTING, new TrustedProxies(List.of("127.0.0.1")));
        trusting.mount("/", Atila.create().register(new Site()));
        TestKit.serve(trusting, cli -> {
            assertThat(cli.get("/ip").text()).contains("\"ip\":\"127.0.0.1\"").contains("\"private\":true");
            assertThat(cli.request("GET", "/ip").header("X-Forwarded-For", "203.0.113.9").send().text())
                    .contains("\"ip\":\"203.0.113.9\"").contains("\"private\":false");
            assertThat(cli.request("GET", "/ip").header("X-Forwarded-For", "203.0.113.9, 10.1.1.1").send().text())
                    .as("the nearest untrusted hop").contains("\"ip\":\"10.1.1.1\"").contains("\"private\":true");
            assertThat(cli.request("GET", "/ip").header("Forwarded", "for=\"[2001:db8::7]:4711\";proto=https").send().text())
                    .as("RFC 7239").contains("\"ip\":\"2001:db8:0:0:0:0:0:7\"");
        });
        ServerBuilder plain = ServerBuilder.create();
        plain.mount("/", Atila.create().register(new Site()));
        TestKit.serve(plain, cli -> assertThat(cli.request("GET", "/ip").header("X-Forwarded-For", "203.0.113.9").send().text())
                .as("from a peer that is not a trusted proxy").contains("\"ip\":\"127.0.0.1\""));
    }

    @Test
    void logsCarryTheTransactionIdsAndTempFilesGoAfterTheRequest() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Logger appLog = Logger.getLogger("io.skitai.was.app");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() { }

            @Override
            public void close() { }
        };
        appLog.addHandler(capture);
        try {
            ServerBuilder config = ServerBuilder.create();
            config.mount("/", Atila.create().register(new Site()));
            TestKit.serve(config, cli -> {
                String gtxid = cli.get("/log").text();
                assertThat(records).extracting(LogRecord::getMessage)
                        .anySatisfy(m -> assertThat(m).isEqualTo("[" + gtxid + " 1000] hello from the site"))
                        .anySatisfy(m -> assertThat(m).startsWith("[" + gtxid + " 1000] java.lang.IllegalStateException: just a test"));
                assertThat(records).anySatisfy(r -> assertThat(r.getThrown()).hasMessage("just a test"));

                String[] temp = cli.get("/temp").text().split(" ");
                assertThat(temp[0]).as("the file exists during the request").isEqualTo("true");
                assertThat(temp[1]).isNotEqualTo(temp[2]).hasSizeGreaterThanOrEqualTo(22);
                cli.get("/temp");
                assertThat(Files.exists(Site.temps.get(0))).as("removed once the request completed").isFalse();
            });
        } finally {
            appLog.removeHandler(capture);
        }
    }

    @Test
    void urlForReachesAnotherMountedApp() {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/admin", Atila.create().register(new Admin())).name("admin");
        config.mount("/", Atila.create().register(new Site())).name("site");
        TestKit.serve(config, cli -> {
            assertThat(cli.get("/link").text()).isEqualTo("/admin/users/7 [admin, site]");
            assertThat(cli.get("/admin/users/7").text()).isEqualTo("user 7");
            var r = cli.request("GET", "/cookie").header("Cookie", "theme=light; old=1").send();
            assertThat(r.text()).isEqualTo("light");
            assertThat(r.headers("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("theme=dark").contains("HttpOnly").contains("SameSite=Lax"))
                    .anySatisfy(c -> assertThat(c).startsWith("old=").contains("Max-Age=0"));
        });
    }
}
