package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestResponse;
import io.skitai.was.Was;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * {@code @AuthorizationRequired} over a real socket, the protocol checked line by line with
 * hand-built headers: Basic, Bearer and Digest challenges, accepted and refused credentials,
 * Digest's nonce expiry ({@code stale=true}), nonce-count replays, forged nonces and malformed
 * headers (400, never 500); route and controller level; stored hashes instead of passwords.
 * {@link AuthorizationInteropTest} drives the same routes with curl and Python's requests.
 */
class AuthorizationTest {

    static final Map<String, String> USERS = Map.of("ann", "s3cret", "bob", "hunter2");

    /** One route per scheme, each answering with the authenticated user. */
    public static class Api {
        @Route("/basic/me") @AuthorizationRequired("basic")
        public String basic(Was was) {
            return Authorization.user(was).orElseThrow();
        }

        @Route("/digest/me") @AuthorizationRequired("digest")
        public String digest(Was was) {
            return Authorization.user(was).orElseThrow() + " " + algorithm(was);
        }

        @Route("/bearer/me") @AuthorizationRequired("Bearer")
        public String bearer(Was was) {
            return Authorization.user(was).orElseThrow();
        }

        @Route("/open")
        public String open(Was was) {
            return "user " + Authorization.user(was).orElse("none");
        }
    }

    /** Digest for the whole controller, Bearer for one of its routes. */
    @AuthorizationRequired("digest")
    public static class Vault {
        @Route("/vault/a")
        public String a(Was was) {
            return "a " + Authorization.user(was).orElseThrow();
        }

        @Route("/vault/b") @AuthorizationRequired("bearer")
        public String b(Was was) {
            return "b " + Authorization.user(was).orElseThrow();
        }
    }

    /** The algorithm a Digest request used, from its Authorization header. */
    static String algorithm(Was was) {
        Matcher m = Pattern.compile("algorithm=\"?([A-Za-z0-9-]+)").matcher(was.request().header("Authorization").orElse(""));
        return m.find() ? m.group(1).toUpperCase() : "MD5";
    }

    /** A clock the test moves forward. */
    static final class TestClock extends Clock {
        final AtomicLong millis = new AtomicLong(1_700_000_000_000L);

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        void advance(Duration d) {
            millis.addAndGet(d.toMillis());
        }
    }

    static Authorization.Builder authorization(Clock clock) {
        return Authorization.builder().realm("api").clock(clock).nonceLifetime(Duration.ofMinutes(5))
                .passwords(user -> Optional.ofNullable(USERS.get(user)))
                .bearer((was, token) -> token.equals("t-ann") ? Optional.of("ann") : Optional.empty());
    }

    static ServerBuilder server(Clock clock) {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Api()).register(new Vault()).authorization(authorization(clock).build()));
        Map<String, String> hashes = Map.of("ann", Authorization.ha1("SHA-256", "ann", "api", "s3cret"));
        server.mount("/hashed", Atila.create().register(new Api()).authorization(Authorization.builder().realm("api")
                .digestAlgorithms("SHA-256").clock(clock).bearer((was, token) -> Optional.empty())
                .digestHashes((user, realm, algorithm) -> algorithm.equals("SHA-256") ? Optional.ofNullable(hashes.get(user)) : Optional.empty())
                .build()));
        return server;
    }

    private static void serve(TestClock clock, ThrowingConsumer<TestClient> test) {
        TestKit.serve(server(clock), test);
    }

    private static TestResponse get(TestClient cli, String path, String authorization) {
        return cli.request("GET", path).header("Accept", "application/json").header("Authorization", authorization).send();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicAcceptsTheRightPasswordAndChallengesEveryOtherRequest() {
        serve(new TestClock(), cli -> {
            TestResponse none = cli.get("/basic/me");
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.headers("WWW-Authenticate")).containsExactly("Basic realm=\"api\", charset=\"UTF-8\"");
            assertThat(get(cli, "/basic/me", basic("ann", "s3cret")).text()).isEqualTo("ann");
            TestResponse wrong = get(cli, "/basic/me", basic("ann", "s3cre"));
            TestResponse unknown = get(cli, "/basic/me", basic("zed", "s3cret"));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(unknown.status()).isEqualTo(401);
            assertThat(wrong.json().get("detail").asText()).as("the same answer for a wrong password and an unknown user")
                    .isEqualTo(unknown.json().get("detail").asText()).startsWith("SKITAI-A091");
            assertThat(wrong.headers("WWW-Authenticate")).hasSize(1);
            assertThat(get(cli, "/basic/me", "Basic !!!").status()).isEqualTo(400);
            assertThat(get(cli, "/basic/me", "Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes())).status()).isEqualTo(400);
            assertThat(get(cli, "/basic/me", "Bearer t-ann").status()).as("another scheme").isEqualTo(401);
            assertThat(cli.get("/open").text()).isEqualTo("user none");
        });
    }

    @Test
    void bearerAsksTheAppsHandler() {
        serve(new TestClock(), cli -> {
            TestResponse none = cli.get("/bearer/me");
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.header("WWW-Authenticate")).contains("Bearer realm=\"api\"");
            assertThat(get(cli, "/bearer/me", "Bearer t-ann").text()).isEqualTo("ann");
            assertThat(get(cli, "/bearer/me", "bearer t-ann").text()).as("the scheme is case-insensitive").isEqualTo("ann");
            TestResponse refused = get(cli, "/bearer/me", "Bearer t-bob");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).contains("Bearer realm=\"api\", error=\"invalid_token\"");
            TestResponse malformed = get(cli, "/bearer/me", "Bearer a b");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.header("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_request\"");
        });
    }

    @Test
    void digestOffersSha256ThenMd5AndAcceptsBoth() {
        serve(new TestClock(), cli -> {
            TestResponse challenge = cli.get("/digest/me");
            assertThat(challenge.status()).isEqualTo(401);
            assertThat(challenge.headers("WWW-Authenticate")).hasSize(2);
            assertThat(challenge.headers("WWW-Authenticate").get(0)).startsWith("Digest realm=\"api\", qop=\"auth\", algorithm=SHA-256, nonce=\"");
            assertThat(challenge.headers("WWW-Authenticate").get(1)).contains("algorithm=MD5").doesNotContain("stale");
            Map<String, String> sha = Digest.challenge(challenge, "SHA-256");
            Map<String, String> md5 = Digest.challenge(challenge, "MD5");
            assertThat(sha.get("nonce")).isEqualTo(md5.get("nonce"));
            assertThat(sha.get("opaque")).isNotBlank();
            assertThat(get(cli, "/digest/me", Digest.header(sha, "ann", "s3cret", "GET", "/digest/me", 1)).text()).isEqualTo("ann SHA-256");
            assertThat(get(cli, "/digest/me", Digest.header(md5, "bob", "hunter2", "GET", "/digest/me", 2)).text()).isEqualTo("bob MD5");
            TestResponse wrong = get(cli, "/digest/me", Digest.header(sha, "ann", "wrong", "GET", "/digest/me", 3));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.json().get("detail").asText()).startsWith("SKITAI-A091");
            assertThat(wrong.headers("WWW-Authenticate")).hasSize(2).allSatisfy(h -> assertThat(h).doesNotContain("stale"));
        });
    }

    @Test
    void digestRefusesAReplayedNonceCountButTakesAHigherOne() {
        serve(new TestClock(), cli -> {
            Map<String, String> ch = Digest.challenge(cli.get("/digest/me"), "SHA-256");
            String first = Digest.header(ch, "ann", "s3cret", "GET", "/digest/me", 1);
            assertThat(get(cli, "/digest/me", first).status()).isEqualTo(200);
            TestResponse replay = get(cli, "/digest/me", first);
            assertThat(replay.status()).isEqualTo(401);
            assertThat(replay.json().get("detail").asText()).startsWith("SKITAI-A095");
            assertThat(get(cli, "/digest/me", Digest.header(ch, "ann", "s3cret", "GET", "/digest/me", 3)).status()).isEqualTo(200);
            assertThat(get(cli, "/digest/me", Digest.header(ch, "ann", "s3cret", "GET", "/digest/me", 2)).status())
                    .as("a count below the last one").isEqualTo(401);
        });
    }

    @Test
    void digestAnswersStaleForAnExpiredNonceWithTheRightPasswordOnly() {
        TestClock clock = new TestClock();
        serve(clock, cli -> {
            Map<String, String> ch = Digest.challenge(cli.get("/digest/me"), "SHA-256");
            assertThat(get(cli, "/digest/me", Digest.header(ch, "ann", "s3cret", "GET", "/digest/me", 1)).status()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(6));
            TestResponse stale = get(cli, "/digest/me", Digest.header(ch, "ann", "s3cret", "GET", "/digest/me", 2));
            assertThat(stale.status()).isEqualTo(401);
            assertThat(stale.json().get("detail").asText()).startsWith("SKITAI-A094");
            assertThat(stale.headers("WWW-Authenticate")).hasSize(2).allSatisfy(h -> assertThat(h).endsWith(", stale=true"));
            TestResponse wrong = get(cli, "/digest/me", Digest.header(ch, "ann", "wrong", "GET", "/digest/me", 3));
            assertThat(wrong.header("WWW-Authenticate").orElseThrow()).doesNotContain("stale");
            Map<String, String> fresh = Digest.challenge(stale, "SHA-256");
            assertThat(fresh.get("nonce")).isNotEqualTo(ch.get("nonce"));
            assertThat(get(cli, "/digest/me", Digest.header(fresh, "ann", "s3cret", "GET", "/digest/me", 1)).text()).isEqualTo("ann SHA-256");
        });
    }

    @Test
    void digestRefusesForgedNoncesAndMalformedHeadersWithout500() {
        serve(new TestClock(), cli -> {
            Map<String, String> ch = new LinkedHashMap<>(Digest.challenge(cli.get("/digest/me"), "SHA-256"));
            String nonce = ch.get("nonce");
            ch.put("nonce", (nonce.charAt(0) == 'A' ? "B" : "A") + nonce.substring(1));
            TestResponse forged = get(cli, "/digest/me", Digest.header(ch, "ann", "s3cret", "GET", "/digest/me", 1));
            assertThat(forged.status()).isEqualTo(401);
            assertThat(forged.json().get("detail").asText()).contains("not issued by this server");
            ch.put("nonce", nonce);
            assertThat(get(cli, "/digest/me?x=1", Digest.header(ch, "ann", "s3cret", "GET", "/digest/me", 1)).status())
                    .as("uri of another request").isEqualTo(400);
            assertThat(get(cli, "/digest/me", Digest.header(ch, "ann", "s3cret", "GET", "/digest/me", 1).replace("realm=\"api\"", "realm=\"x\"")).status())
                    .isEqualTo(401);
            assertThat(get(cli, "/digest/me", Digest.header(ch, "ann", "s3cret", "GET", "/digest/me", 1).replace("SHA-256", "SHA-512")).status())
                    .isEqualTo(401);
            for (String bad : new String[] {"Digest", "Digest username=", "Digest username=\"ann", "Digest username=\"a\", username=\"b\"",
                    "Digest username=\"ann\", realm=\"api\"", "Digest ,,,=,", Digest.header(ch, "ann", "s3cret", "GET", "/digest/me", 1)
                            .replace("nc=00000001", "nc=1")}) {
                TestResponse r = get(cli, "/digest/me", bad);
                assertThat(r.status()).as(bad).isEqualTo(400);
                assertThat(r.json().get("detail").asText()).as(bad).startsWith("SKITAI-A092 malformed Digest Authorization header");
            }
        });
    }

    @Test
    void controllerLevelDigestWithABearerRouteInside() {
        serve(new TestClock(), cli -> {
            TestResponse challenge = cli.get("/vault/a");
            assertThat(challenge.header("WWW-Authenticate").orElseThrow()).startsWith("Digest ");
            Map<String, String> ch = Digest.challenge(challenge, "SHA-256");
            assertThat(get(cli, "/vault/a", Digest.header(ch, "bob", "hunter2", "GET", "/vault/a", 1)).text()).isEqualTo("a bob");
            assertThat(cli.get("/vault/b").header("WWW-Authenticate").orElseThrow()).startsWith("Bearer ");
            assertThat(get(cli, "/vault/b", "Bearer t-ann").text()).isEqualTo("b ann");
            assertThat(get(cli, "/vault/b", Digest.header(ch, "bob", "hunter2", "GET", "/vault/b", 2)).status()).isEqualTo(401);
        });
    }

    @Test
    void storedDigestHashesServeDigestAndBasic() {
        serve(new TestClock(), cli -> {
            TestResponse challenge = cli.get("/hashed/digest/me");
            assertThat(challenge.headers("WWW-Authenticate")).hasSize(1);
            Map<String, String> ch = Digest.challenge(challenge, "SHA-256");
            assertThat(get(cli, "/hashed/digest/me", Digest.header(ch, "ann", "s3cret", "GET", "/hashed/digest/me", 1)).text())
                    .isEqualTo("ann SHA-256");
            assertThat(get(cli, "/hashed/digest/me", Digest.header(ch, "ann", "nope", "GET", "/hashed/digest/me", 2)).status()).isEqualTo(401);
            assertThat(get(cli, "/hashed/basic/me", basic("ann", "s3cret")).text()).isEqualTo("ann");
            assertThat(get(cli, "/hashed/basic/me", basic("ann", "nope")).status()).isEqualTo(401);
            assertThat(get(cli, "/hashed/basic/me", basic("bob", "hunter2")).status()).isEqualTo(401);
        });
    }

    /** A Digest client written from RFC 7616, for hand-built headers. */
    static final class Digest {
        private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");

        static Map<String, String> challenge(TestResponse r, String algorithm) {
            for (String h : r.headers("WWW-Authenticate")) {
                Map<String, String> p = new LinkedHashMap<>();
                Matcher m = PARAM.matcher(h);
                while (m.find()) {
                    p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
                }
                if (algorithm.equals(p.get("algorithm"))) {
                    return p;
                }
            }
            throw new AssertionError("no " + algorithm + " challenge in " + r.headers("WWW-Authenticate"));
        }

        static String header(Map<String, String> ch, String user, String password, String method, String uri, int nc) {
            String alg = ch.get("algorithm");
            String count = String.format("%08x", nc);
            String cnonce = "c" + nc;
            String ha1 = Authorization.ha1(alg, user, ch.get("realm"), password);
            String ha2 = hex(alg, method + ":" + uri);
            String response = hex(alg, ha1 + ":" + ch.get("nonce") + ":" + count + ":" + cnonce + ":auth:" + ha2);
            return "Digest username=\"" + user + "\", realm=\"" + ch.get("realm") + "\", nonce=\"" + ch.get("nonce") + "\", uri=\"" + uri
                    + "\", algorithm=" + alg + ", response=\"" + response + "\", qop=auth, nc=" + count + ", cnonce=\"" + cnonce
                    + "\", opaque=\"" + ch.get("opaque") + "\"";
        }

        static String hex(String alg, String text) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(alg).digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }
    }
}
