package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.ServerBuilder;
import io.skitai.testkit.MultiProcessServer;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestResponse;
import io.skitai.was.apps.SessionWorkersMain;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Sessions, flash messages and CSRF tokens on real sockets: across worker processes, refusing forged
 * and tampered cookies, renewing the id on login, showing a message once after a redirect, and
 * refusing missing, wrong, foreign and replayed CSRF tokens.
 */
class SessionsTest {

    private static final String SECRET = "first-session-secret-0123456789abcdef";
    private static final String OLD_SECRET = "older-session-secret-0123456789abcdef";

    /** The {@code name=value} of a response's cookie {@code name}, to send back. */
    static String cookie(TestResponse r, String name) {
        return r.headers("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name + " in " + r.headers("Set-Cookie")));
    }

    private static TestResponse get(TestClient cli, String path, String cookie) {
        var request = cli.request("GET", path).header("Connection", "close");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request.send();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aSessionAndARevokedTokenAreSeenAlikeByTwoWorkers() {
        try (MultiProcessServer server = MultiProcessServer.start(SessionWorkersMain.class, 2); TestClient cli = server.client()) {
            TestResponse put = get(cli, "/put?k=colour&v=blue", null);
            String session = cookie(put, "SKITAI_SESSION");
            long writer = put.json().get("pid").asLong();
            Set<Long> readers = new HashSet<>();
            for (int i = 0; i < 200 && readers.size() < 2; i++) {
                TestResponse r = get(cli, "/get?k=colour", session);
                assertThat(r.json().get("values").asText()).isEqualTo("blue");
                readers.add(r.json().get("pid").asLong());
            }
            assertThat(readers).as("both workers read the session").hasSize(2).contains(writer);

            TestResponse made = get(cli, "/mktoken", null);
            String token = made.json().get("token").asText();
            long maker = made.json().get("pid").asLong();
            TestResponse elsewhere = awaitOtherWorker(cli, "/detoken?t=" + token, maker);
            assertThat(elsewhere.json().get("claims").get("user").asText()).as("the token in the other worker").isEqualTo("ann");
            TestResponse removed = get(cli, "/rmtoken?t=" + token, null);
            assertThat(removed.json().get("removed").asBoolean()).isTrue();
            TestResponse revoked = awaitOtherWorker(cli, "/detoken?t=" + token, removed.json().get("pid").asLong());
            assertThat(revoked.json().get("claims").asText()).as("revoked in the other worker").isEqualTo("-");
        }
    }

    private static TestResponse awaitOtherWorker(TestClient cli, String path, long notPid) {
        for (int i = 0; i < 200; i++) {
            TestResponse r = get(cli, path, null);
            if (r.json().get("pid").asLong() != notPid) {
                return r;
            }
        }
        throw new AssertionError("no other worker answered " + path);
    }

    private static ServerBuilder app(SessionConfig sessions) {
        ServerBuilder config = ServerBuilder.create();
        config.set(SessionConfig.SETTING, sessions.secureCookie(false));
        config.mount("/", ex -> {
            Was was = Was.current();
            switch (ex.pathInfo()) {
                case "/put" -> {
                    was.session().put("user", ex.query("user").orElse("ann"));
                    ex.send("id " + was.session().id());
                }
                case "/get" -> ex.send("user " + was.session().get("user").orElse("-") + " id " + was.session().id());
                case "/login" -> {
                    was.session().renew();
                    was.session().put("user", "ann");
                    ex.send("id " + was.session().id());
                }
                case "/save" -> {
                    was.mbox().send("Saved", "info");
                    was.mbox().send("Check the date", "warning");
                    ex.redirect("/list", 302);
                }
                case "/list" -> ex.json(was.mbox().get());
                case "/form" -> ex.send(was.csrfTokenInput());
                case "/post" -> ex.send(was.csrfVerify() ? "accepted" : "refused");
                case "/big" -> {
                    try {
                        was.session().put("blob", "x".repeat(5000));
                        ex.send("kept");
                    } catch (IllegalArgumentException tooBig) {
                        ex.send("too big");
                    }
                }
                default -> ex.send("?");
            }
        });
        return config;
    }

    @Test
    void forgedAndTamperedCookiesAreIgnoredAndAnOldSecretStillVerifies() {
        TestKit.serve(app(SessionConfig.cookie(OLD_SECRET)), old -> {
            String signedByOld = cookie(old.get("/put?user=bob"), "SKITAI_SESSION");
            TestKit.serve(app(SessionConfig.cookie(SECRET, OLD_SECRET)), cli -> {
                assertThat(get(cli, "/get", signedByOld).text()).as("a secret being rotated out").startsWith("user bob");
                String mine = cookie(cli.get("/put?user=ann"), "SKITAI_SESSION");
                assertThat(get(cli, "/get", mine).text()).startsWith("user ann");
                String value = mine.substring(mine.indexOf('=') + 1);
                String payload = value.substring(0, value.lastIndexOf('.'));
                String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        new String(java.util.Base64.getUrlDecoder().decode(payload)).replace("ann", "eve").getBytes());
                assertThat(get(cli, "/get", "SKITAI_SESSION=" + forgedPayload + value.substring(value.lastIndexOf('.'))).text())
                        .as("a changed payload").startsWith("user -");
                assertThat(get(cli, "/get", "SKITAI_SESSION=" + value.substring(0, value.length() - 3) + "AAA").text())
                        .as("a changed signature").startsWith("user -");
                assertThat(get(cli, "/get", "SKITAI_SESSION=" + payload).text()).as("no signature").startsWith("user -");
                TestKit.serve(app(SessionConfig.cookie("another-secret-entirely-0123456789abcdef")), other -> {
                    String foreign = cookie(other.get("/put?user=eve"), "SKITAI_SESSION");
                    assertThat(get(cli, "/get", foreign).text()).as("signed by a secret not configured").startsWith("user -");
                });
                assertThat(get(cli, "/big", mine).text()).as("a session over a cookie's size").isEqualTo("too big");
            });
        });
    }

    @Test
    void loginRenewsTheIdAndTheOldIdIsWorthNothing() {
        TestKit.serve(app(SessionConfig.shared(SECRET)), cli -> {
            TestResponse planted = cli.get("/put?user=guest");
            String before = cookie(planted, "SKITAI_SESSION");
            TestResponse login = get(cli, "/login", before);
            String after = cookie(login, "SKITAI_SESSION");
            assertThat(login.text()).isNotEqualTo(planted.text());
            assertThat(after).isNotEqualTo(before);
            assertThat(get(cli, "/get", after).text()).startsWith("user ann");
            assertThat(get(cli, "/get", before).text()).as("the pre-login id").startsWith("user -");
            TestResponse set = cli.get("/put?user=x");
            assertThat(set.headers("Set-Cookie").get(0)).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
        });
    }

    @Test
    void aFlashMessageIsShownOnceAfterTheRedirect() {
        TestKit.serve(app(SessionConfig.cookie(SECRET)), cli -> {
            TestResponse saved = cli.get("/save");
            assertThat(saved.status()).isEqualTo(302);
            String session = cookie(saved, "SKITAI_SESSION");
            TestResponse shown = get(cli, "/list", session);
            List<Map<String, Object>> messages = shown.data();
            assertThat(messages).extracting(m -> m.get("category") + ":" + m.get("text")).containsExactly("info:Saved", "warning:Check the date");
            String afterShown = cookie(shown, "SKITAI_SESSION");
            assertThat(get(cli, "/list", afterShown).<List<?>>data()).as("shown once").isEmpty();
        });
    }

    @Test
    void csrfTokensMustComeBackOnceFromTheirOwnSession() {
        TestKit.serve(app(SessionConfig.shared(SECRET)), cli -> {
            TestResponse form = cli.get("/form");
            String session = cookie(form, "SKITAI_SESSION");
            String token = form.text().replaceAll(".*value=\"([^\"]+)\".*", "$1");
            TestResponse other = cli.get("/form");
            String otherSession = cookie(other, "SKITAI_SESSION");
            String otherToken = other.text().replaceAll(".*value=\"([^\"]+)\".*", "$1");

            assertThat(post(cli, session, null)).as("missing").isEqualTo("refused");
            TestResponse again = get(cli, "/form", session);
            String fresh = again.text().replaceAll(".*value=\"([^\"]+)\".*", "$1");
            assertThat(post(cli, session, fresh + "x")).as("wrong").isEqualTo("refused");
            String third = get(cli, "/form", session).text().replaceAll(".*value=\"([^\"]+)\".*", "$1");
            assertThat(post(cli, session, otherToken)).as("another session's").isEqualTo("refused");
            String fourth = get(cli, "/form", session).text().replaceAll(".*value=\"([^\"]+)\".*", "$1");
            assertThat(post(cli, session, fourth)).as("its own").isEqualTo("accepted");
            assertThat(post(cli, session, fourth)).as("replayed").isEqualTo("refused");
            assertThat(post(cli, otherSession, otherToken)).as("the other session's own").isEqualTo("accepted");
            assertThat(List.of(token, third)).doesNotHaveDuplicates();
        });
    }

    @Test
    void theCsrfFilterRefusesUnsafeMethodsWith403() {
        ServerBuilder config = ServerBuilder.create();
        config.set(SessionConfig.SETTING, SessionConfig.shared(SECRET).secureCookie(false));
        config.mount("/", ex -> ex.send(ex.method().equals("GET") ? Was.current().csrfToken() : "done")).filter(Csrf.filter());
        TestKit.serve(config, cli -> {
            TestResponse page = cli.get("/");
            String session = cookie(page, "SKITAI_SESSION");
            TestResponse refused = cli.request("POST", "/").header("Cookie", session).body("a=1", "application/x-www-form-urlencoded").send();
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.text()).contains("CSRF");
            String token = get(cli, "/", session).text();
            TestResponse ok = cli.request("POST", "/").header("Cookie", session)
                    .body("a=1&csrf_token=" + token, "application/x-www-form-urlencoded").send();
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.text()).isEqualTo("done");
            TestResponse replayed = cli.request("POST", "/").header("Cookie", session)
                    .body("a=1&csrf_token=" + token, "application/x-www-form-urlencoded").send();
            assertThat(replayed.status()).as("replayed").isEqualTo(403);
            String token2 = get(cli, "/", session).text();
            assertThat(cli.request("PUT", "/").header("Cookie", session).header(Csrf.HEADER, token2 + "x").send().status())
                    .as("wrong").isEqualTo(403);
            TestResponse otherPage = cli.get("/");
            String otherToken = otherPage.text();
            String token3 = get(cli, "/", session).text();
            assertThat(cli.request("PATCH", "/").header("Cookie", session).header(Csrf.HEADER, otherToken).send().status())
                    .as("another session's token").isEqualTo(403);
            String token4 = get(cli, "/", session).text();
            assertThat(cli.request("DELETE", "/").header("Cookie", session).header(Csrf.HEADER, token4).send().status())
                    .as("the header form").isEqualTo(200);
            assertThat(token3).isNotEqualTo(token4);
        });
    }

    private static String post(TestClient cli, String session, String token) {
        String body = token == null ? "a=1" : "a=1&csrf_token=" + token;
        return cli.request("POST", "/post").header("Cookie", session).body(body, "application/x-www-form-urlencoded").send().text();
    }
}
