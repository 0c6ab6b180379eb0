package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestKit;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cookies of plain handlers: {@link Exchange#cookies()}, {@link Exchange#setCookie(Cookie)}, removal. */
class CookiesTest {

    private static ServerBuilder server() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/login", ex -> {
            ex.setCookie(Cookie.of("sid", "s3cr3t").sameSite(Cookie.SameSite.STRICT).httpOnly(true).secure(true)
                    .maxAge(Duration.ofMinutes(30)).path("/app").domain("example.com"));
            ex.setCookie(Cookie.of("theme", "dark"));
            ex.send("ok");
        });
        server.mount("/read", ex -> ex.json(Map.of("a", ex.cookie("a").orElse("-"), "b", ex.cookie("b").orElse("-"),
                "missing", ex.cookie("c").isPresent(), "all", ex.cookies())));
        server.mount("/logout", ex -> {
            ex.removeCookie("sid", "/app", "example.com");
            ex.removeCookie("theme");
            ex.send("bye");
        });
        server.mount("/invalid", ex -> ex.json(Map.of(
                "name", refusal(() -> ex.setCookie(Cookie.of("bad name", "v"))),
                "value", refusal(() -> ex.setCookie(Cookie.of("n", "a;b"))),
                "control", refusal(() -> ex.setCookie(Cookie.of("n", "a\rb"))),
                "none", refusal(() -> ex.setCookie(Cookie.of("n", "v").sameSite(Cookie.SameSite.NONE))),
                "sent", ex.responseHeader("Set-Cookie").orElse("none"))));
        server.mount("/late", ex -> {
            try (var out = ex.outputStream()) {
                out.write('x');
                out.flush();
                out.write((" " + refusal(() -> ex.setCookie(Cookie.of("late", "1")))).getBytes());
            }
        });
        return server;
    }

    private static String refusal(Runnable call) {
        try {
            call.run();
            return "accepted";
        } catch (IllegalArgumentException | IllegalStateException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** The attributes of a Set-Cookie header after its name=value pair, as written. */
    private static List<String> attributes(String setCookie) {
        return Arrays.stream(setCookie.split(";")).skip(1).map(String::strip).toList();
    }

    @Test
    void setsCookiesWithEveryAttributeInSeparateHeaders() {
        TestKit.serve(server(), cli -> {
            var r = cli.get("/login");
            List<String> headers = r.headers("Set-Cookie");
            assertThat(headers).hasSize(2);
            String sid = headers.stream().filter(h -> h.startsWith("sid=")).findFirst().orElseThrow();
            assertThat(sid).startsWith("sid=s3cr3t;");
            assertThat(attributes(sid)).containsExactlyInAnyOrder("Max-Age=1800", "Path=/app", "Domain=example.com",
                    "Secure", "HttpOnly", "SameSite=Strict");
            assertThat(headers).contains("theme=dark");
        });
    }

    @Test
    void readsTheCookiesARequestSends() {
        TestKit.serve(server(), cli -> {
            Map<String, Object> d = cli.request("GET", "/read").header("Cookie", "a=1; b=2").send().data();
            assertThat(d).containsEntry("a", "1").containsEntry("b", "2").containsEntry("missing", false)
                    .containsEntry("all", Map.of("a", "1", "b", "2"));
            Map<String, Object> none = cli.get("/read").data();
            assertThat(none).containsEntry("a", "-").containsEntry("all", Map.of());
        });
    }

    @Test
    void removingACookieSendsMaxAgeZeroWithItsPathAndDomain() {
        TestKit.serve(server(), cli -> {
            List<String> headers = cli.get("/logout").headers("Set-Cookie");
            assertThat(headers).hasSize(2);
            String sid = headers.get(0);
            assertThat(sid).startsWith("sid=;");
            assertThat(attributes(sid)).contains("Max-Age=0", "Path=/app", "Domain=example.com");
            assertThat(attributes(headers.get(1))).contains("Max-Age=0", "Path=/");
            assertThat(headers.get(1)).startsWith("theme=;");
        });
    }

    @Test
    void refusesInvalidCookiesAndSameSiteNoneWithoutSecure() {
        TestKit.serve(server(), cli -> {
            Map<String, Object> d = cli.get("/invalid").data();
            assertThat((String) d.get("name")).startsWith("IllegalArgumentException: cookie name 'bad name' has a space");
            assertThat((String) d.get("value")).startsWith("IllegalArgumentException: the value of cookie 'n' has ';'");
            assertThat((String) d.get("control")).contains("control character U+000D");
            assertThat((String) d.get("none")).contains("SameSite=None needs Secure");
            assertThat(d).containsEntry("sent", "none");
            assertThat(cli.get("/late").text()).isEqualTo("x IllegalStateException: cannot set cookie 'late':"
                    + " the response headers have gone out");
        });
    }
}
