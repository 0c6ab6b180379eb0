package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestResponse;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The API gateway in front of reverse-proxied aliases, on real sockets: good tokens of every kind
 * pass, a matrix of hostile ones is refused with 401 before the upstream sees them, roles and source
 * networks answer 403, and a key rotated out of the JWKS stops working.
 */
class GatewayTest {

    private static final String SECRET = "8fa06210-e109-11e6-934f-001b216d6e71";
    private static final String ISSUER = "https://issuer.test";
    private static final String AUDIENCE = "skitai-api";

    private final KeyPair r1 = keyPair("RSA");
    private final KeyPair r2 = keyPair("RSA");
    private final KeyPair e1 = keyPair("EC");
    private final KeyPair foreignRsa = keyPair("RSA");
    private final KeyPair foreignEc = keyPair("EC");

    @Test
    void goodTokensPassHostileOnesAreRefusedWith401AndRolesWith403() throws Exception {
        AtomicReference<String> jwks = new AtomicReference<>(jwks(Map.of("r1", r1, "e1", e1)));
        AtomicInteger upstreamHits = new AtomicInteger();
        Undertow keys = serveJwks(jwks);
        try {
            TestKit.serve(upstream(upstreamHits), up -> TestKit.serve(gateway(up.port(), jwksUrl(keys), b -> { }), cli -> {
                for (Map.Entry<String, String> good : goodTokens().entrySet()) {
                    assertThat(get(cli, "/api/x", good.getValue()).status()).as(good.getKey()).isEqualTo(200);
                }
                int admitted = upstreamHits.get();
                assertThat(admitted).isEqualTo(goodTokens().size());

                TestResponse missing = cli.get("/api/x");
                assertThat(missing.status()).isEqualTo(401);
                assertThat(missing.header("WWW-Authenticate")).hasValue("Bearer realm=\"skitai\"");

                Map<String, List<String>> hostile = hostileAuthorizations(keys);
                assertThat(hostile).hasSizeGreaterThanOrEqualTo(40);
                List<String> admittedHostile = new ArrayList<>();
                for (Map.Entry<String, List<String>> h : hostile.entrySet()) {
                    var request = cli.request("GET", "/api/x");
                    h.getValue().forEach(v -> request.header("Authorization", v));
                    TestResponse r = request.send();
                    if (r.status() != 401 || !r.header("WWW-Authenticate").orElse("").startsWith("Bearer realm=\"skitai\", error=\"invalid_token\"")) {
                        admittedHostile.add(h.getKey() + " -> " + r.status() + " " + r.header("WWW-Authenticate").orElse("(no WWW-Authenticate)"));
                    }
                }
                assertThat(admittedHostile).as("hostile tokens not refused with 401 invalid_token").isEmpty();
                assertThat(upstreamHits.get()).as("the upstream saw no hostile request").isEqualTo(admitted);

                TestResponse noRole = get(cli, "/admin/x", hs256(claims(List.of("user"))));
                assertThat(noRole.status()).isEqualTo(403);
                assertThat(noRole.header("WWW-Authenticate").orElse("")).contains("error=\"insufficient_scope\"");
                assertThat(get(cli, "/admin/x", hs256(claims(List.of("user", "admin")))).status()).isEqualTo(200);
                assertThat(get(cli, "/admin/x", "opaque-admin-token").status()).as("an opaque token's roles").isEqualTo(200);
                assertThat(get(cli, "/admin/x", "opaque-user-token").status()).isEqualTo(403);

                // Rotation: the issuer retires r1 and signs with r2.
                String oldKeyToken = rs256(r1, "r1", claims(List.of("user")));
                jwks.set(jwks(Map.of("r2", r2, "e1", e1)));
                assertThat(get(cli, "/api/x", rs256(r2, "r2", claims(List.of("user")))).status()).as("a key added to the JWKS").isEqualTo(200);
                assertThat(get(cli, "/api/x", oldKeyToken).status()).as("a key rotated out of the JWKS").isEqualTo(401);
            }));
        } finally {
            keys.stop();
        }
    }

    @Test
    void sourceNetworksUseForwardedForOnlyFromTrustedProxies() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        String token = hs256(claims(List.of("user")));
        TestKit.serve(upstream(hits), up -> {
            TestKit.serve(gateway(up.port(), null, b -> b.trustForwardedFrom("127.0.0.1")), cli -> {
                assertThat(get(cli, "/inside/x", token).status()).as("the proxy itself is not inside").isEqualTo(403);
                assertThat(cli.request("GET", "/inside/x").header("Authorization", "Bearer " + token)
                        .header("X-Forwarded-For", "10.1.2.3").send().status()).as("forwarded for 10.1.2.3").isEqualTo(200);
                assertThat(cli.request("GET", "/inside/x").header("Authorization", "Bearer " + token)
                        .header("X-Forwarded-For", "10.1.2.3, 192.168.0.9").send().status())
                        .as("the nearest untrusted hop is 192.168.0.9").isEqualTo(403);
                assertThat(cli.request("GET", "/inside/x").header("Authorization", "Bearer " + token)
                        .header("X-Forwarded-For", "10.1.2.3, not-an-address").send().status())
                        .as("a junk entry stops the walk at the trusted proxy").isEqualTo(403);
            });
            TestKit.serve(gateway(up.port(), null, b -> { }), cli -> assertThat(cli.request("GET", "/inside/x")
                    .header("Authorization", "Bearer " + token).header("X-Forwarded-For", "10.1.2.3").send().status())
                    .as("X-Forwarded-For from an untrusted peer is ignored").isEqualTo(403));
        });
    }

    @Test
    void jwtHelperIssuesTokensTheGatewayAccepts() {
        TestKit.serve(upstream(new AtomicInteger()), up -> {
            ServerBuilder config = ServerBuilder.create();
            config.alias("@api", Proto.HTTP, "127.0.0.1:" + up.port());
            config.mount("/api", "@api");
            config.enableGateway(Gateway.hs256(SECRET));
            TestKit.serve(config, cli -> {
                String token = Jwt.hs256(SECRET, Map.of("user", "hansroh", "roles", List.of("user")), Duration.ofMinutes(5));
                TestResponse r = get(cli, "/api/who", token);
                assertThat(r.status()).isEqualTo(200);
                TestResponse posted = cli.request("POST", "/api/upload").header("Authorization", "Bearer " + token)
                        .body(new byte[900_000], "application/octet-stream").send();
                assertThat(posted.text()).as("the body streams on after the gateway").isEqualTo("upstream /api/upload got 900000 bytes");
                assertThat(get(cli, "/api/who", Jwt.hs256(SECRET.replace('8', '9'), Map.of("user", "x"), Duration.ofMinutes(5))).status())
                        .isEqualTo(401);
            });
        });
    }

    // ---- the server under test ---------------------------------------------------------------

    private ServerBuilder gateway(int upstreamPort, URI jwksUrl, Consumer<Gateway.Builder> more) {
        ServerBuilder config = ServerBuilder.create();
        config.alias("@open", Proto.HTTP, "127.0.0.1:" + upstreamPort);
        config.alias(Alias.of("@admin", Proto.HTTP, "127.0.0.1:" + upstreamPort).role("admin"));
        config.alias(Alias.of("@inside", Proto.HTTP, "127.0.0.1:" + upstreamPort).source("10.0.0.0/8"));
        config.mount("/api", "@open");
        config.mount("/admin", "@admin");
        config.mount("/inside", "@inside");
        Gateway.Builder b = Gateway.builder().secret(SECRET).issuer(ISSUER).audience(AUDIENCE).leeway(Duration.ofSeconds(5))
                .jwksTiming(Duration.ofMinutes(10), Duration.ZERO).auth(new GatewayAuth() {
                    @Override
                    public Optional<GatewayUser> handleToken(String token, Exchange exchange) {
                        return switch (token) {
                            case "opaque-admin-token" -> Optional.of(GatewayUser.of("ann", "admin"));
                            case "opaque-user-token" -> Optional.of(GatewayUser.of("bob", "user"));
                            default -> Optional.empty();
                        };
                    }
                });
        if (jwksUrl != null) {
            b.jwks(jwksUrl);
        }
        more.accept(b);
        config.enableGateway(b.build());
        return config;
    }

    private static ServerBuilder upstream(AtomicInteger hits) {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/", ex -> {
            hits.incrementAndGet();
            ex.send("upstream " + ex.path() + (ex.method().equals("POST") ? " got " + ex.body().length + " bytes" : ""));
        });
        return config;
    }

    private static TestResponse get(TestClient cli, String path, String token) {
        return cli.request("GET", path).header("Authorization", "Bearer " + token).send();
    }

    // ---- tokens --------------------------------------------------------------------------------

    private Map<String, String> goodTokens() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("HS256", hs256(claims(List.of("user"))));
        t.put("RS256 from the JWKS", rs256(r1, "r1", claims(List.of("user"))));
        t.put("ES256 from the JWKS", es256(e1, "e1", claims(List.of("user"))));
        t.put("expired 3 s ago, within the leeway", sign(Algorithm.HMAC256(SECRET), null,
                claims(List.of("user")).withExpiresAt(Instant.now().minusSeconds(3))));
        t.put("an opaque token the app knows", "opaque-user-token");
        return t;
    }

    /** Authorization header values (one or more) that must each be refused with 401 invalid_token. */
    private Map<String, List<String>> hostileAuthorizations(Undertow keys) throws Exception {
        Map<String, List<String>> h = new LinkedHashMap<>();
        String good = hs256(claims(List.of("user")));
        String[] parts = good.split("\\.");
        String payload = parts[1];
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(r1.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";

        h.put("Basic credentials", List.of("Basic dXNlcjpwYXNz"));
        h.put("Bearer without a token", List.of("Bearer"));
        h.put("Bearer with blanks", List.of("Bearer    "));
        h.put("two Authorization headers", List.of("Bearer " + good, "Bearer " + good));
        h.put("token with a space inside", List.of("Bearer " + parts[0] + ". " + parts[1] + "." + parts[2]));
        h.put("alg none, unsigned", bearer(raw("{\"alg\":\"none\",\"typ\":\"JWT\"}", payload, "")));
        h.put("alg None", bearer(raw("{\"alg\":\"None\",\"typ\":\"JWT\"}", payload, "")));
        h.put("alg NONE", bearer(raw("{\"alg\":\"NONE\"}", payload, "")));
        h.put("alg nOnE", bearer(raw("{\"alg\":\"nOnE\"}", payload, "")));
        h.put("alg none with a copied signature", bearer(raw("{\"alg\":\"none\"}", payload, parts[2])));
        h.put("alg missing", bearer(raw("{\"typ\":\"JWT\"}", payload, parts[2])));
        h.put("alg empty", bearer(raw("{\"alg\":\"\"}", payload, "")));
        h.put("HS/RS confusion: HS256 with the public key PEM as secret", bearer(hmac("{\"alg\":\"HS256\"}", payload, pem.getBytes(StandardCharsets.UTF_8))));
        h.put("HS/RS confusion: HS256 with the public key DER as secret", bearer(hmac("{\"alg\":\"HS256\"}", payload, r1.getPublic().getEncoded())));
        h.put("HS/RS confusion with kid r1", bearer(hmac("{\"alg\":\"HS256\",\"kid\":\"r1\"}", payload, pem.getBytes(StandardCharsets.UTF_8))));
        h.put("HS256 with a wrong secret", bearer(sign(Algorithm.HMAC256(SECRET + "x"), null, claims(List.of("user")))));
        h.put("HS256 with an empty secret", bearer(hmac("{\"alg\":\"HS256\"}", payload, new byte[1])));
        h.put("HS512 with the right secret (not pinned)", bearer(sign(Algorithm.HMAC512(SECRET), null, claims(List.of("user")))));
        h.put("HS384 with the right secret (not pinned)", bearer(sign(Algorithm.HMAC384(SECRET), null, claims(List.of("user")))));
        h.put("RS512 with the right key (not pinned)", bearer(sign(Algorithm.RSA512(null, (RSAPrivateKey) r1.getPrivate()), "r1", claims(List.of("user")))));
        h.put("RS256 by a foreign key naming r1", bearer(rs256(foreignRsa, "r1", claims(List.of("user")))));
        h.put("ES256 by a foreign key naming e1", bearer(es256(foreignEc, "e1", claims(List.of("user")))));
        h.put("RS256 naming the EC key e1", bearer(rs256(r1, "e1", claims(List.of("user")))));
        h.put("ES256 naming the RSA key r1", bearer(es256(e1, "r1", claims(List.of("user")))));
        h.put("signature with a changed character", bearer(parts[0] + "." + parts[1] + "." + flip(parts[2])));
        h.put("payload tampered (roles admin), old signature", bearer(parts[0] + "." + b64(new String(
                Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).replace("\"user\"", "\"admin\"")) + "." + parts[2]));
        h.put("expired an hour ago", bearer(sign(Algorithm.HMAC256(SECRET), null, claims(List.of("user")).withExpiresAt(Instant.now().minusSeconds(3600)))));
        h.put("expired a minute ago (beyond the leeway)", bearer(sign(Algorithm.HMAC256(SECRET), null, claims(List.of("user")).withExpiresAt(Instant.now().minusSeconds(60)))));
        h.put("not valid for an hour (nbf)", bearer(sign(Algorithm.HMAC256(SECRET), null, claims(List.of("user")).withNotBefore(Instant.now().plusSeconds(3600)))));
        h.put("issued in an hour (iat)", bearer(sign(Algorithm.HMAC256(SECRET), null, claims(List.of("user")).withIssuedAt(Instant.now().plusSeconds(3600)))));
        h.put("no exp", bearer(sign(Algorithm.HMAC256(SECRET), null, JWT.create().withSubject("ann").withIssuer(ISSUER).withAudience(AUDIENCE))));
        h.put("wrong issuer", bearer(sign(Algorithm.HMAC256(SECRET), null, claims(List.of("user")).withIssuer("https://evil.test"))));
        h.put("no issuer", bearer(sign(Algorithm.HMAC256(SECRET), null, JWT.create().withSubject("ann").withAudience(AUDIENCE)
                .withExpiresAt(Instant.now().plusSeconds(300)))));
        h.put("wrong audience", bearer(sign(Algorithm.HMAC256(SECRET), null, claims(List.of("user")).withAudience("other-api"))));
        h.put("no audience", bearer(sign(Algorithm.HMAC256(SECRET), null, JWT.create().withSubject("ann").withIssuer(ISSUER)
                .withExpiresAt(Instant.now().plusSeconds(300)))));
        h.put("no subject or user", bearer(sign(Algorithm.HMAC256(SECRET), null, JWT.create().withIssuer(ISSUER).withAudience(AUDIENCE)
                .withExpiresAt(Instant.now().plusSeconds(300)))));
        h.put("kid path trick ../../dev/null", bearer(rs256(foreignRsa, "../../../../dev/null", claims(List.of("user")))));
        h.put("kid path trick /etc/passwd with HS256", bearer(hmac("{\"alg\":\"HS256\",\"kid\":\"/etc/passwd\"}", payload, "root:x:0:0".getBytes(StandardCharsets.UTF_8))));
        h.put("kid as a URL", bearer(rs256(foreignRsa, jwksUrl(keys) + "?evil", claims(List.of("user")))));
        h.put("kid with SQL", bearer(rs256(foreignRsa, "' OR '1'='1", claims(List.of("user")))));
        h.put("kid empty", bearer(rs256(foreignRsa, "", claims(List.of("user")))));
        h.put("jku pointing elsewhere", bearer(raw("{\"alg\":\"RS256\",\"kid\":\"attacker\",\"jku\":\"http://127.0.0.1:1/jwks\"}", payload, parts[2])));
        h.put("embedded jwk header", bearer(sign(Algorithm.RSA256(null, (RSAPrivateKey) foreignRsa.getPrivate()), "attacker",
                claims(List.of("user")).withHeader(Map.of("jwk", Map.of("kty", "RSA", "n", "AQAB", "e", "AQAB"))))));
        h.put("truncated: no signature part", bearer(parts[0] + "." + parts[1]));
        h.put("truncated: empty signature", bearer(parts[0] + "." + parts[1] + "."));
        h.put("truncated: the last 10 characters cut", bearer(good.substring(0, good.length() - 10)));
        h.put("truncated: header only", bearer(parts[0]));
        h.put("four parts", bearer(good + ".AAAA"));
        h.put("oversized (5000 characters)", bearer(parts[0] + "." + b64("{\"sub\":\"" + "a".repeat(3700) + "\"}") + "." + parts[2]));
        h.put("characters a token cannot have", bearer("@@@." + payload + "." + parts[2]));
        h.put("header that is not JSON", bearer(b64("hello") + "." + payload + "." + parts[2]));
        h.put("payload that is not JSON", bearer(hmac("{\"alg\":\"HS256\"}", b64("hello"), SECRET.getBytes(StandardCharsets.UTF_8))));
        h.put("payload that is a JSON array", bearer(hmac("{\"alg\":\"HS256\"}", b64("[1,2]"), SECRET.getBytes(StandardCharsets.UTF_8))));
        h.put("an opaque token nobody issued", List.of("Bearer opaque-nobody"));
        return h;
    }

    private static List<String> bearer(String token) {
        return List.of("Bearer " + token);
    }

    private static JWTCreator.Builder claims(List<String> roles) {
        return JWT.create().withSubject("ann").withClaim("roles", roles).withIssuer(ISSUER).withAudience(AUDIENCE)
                .withIssuedAt(Instant.now()).withExpiresAt(Instant.now().plusSeconds(300));
    }

    private static String hs256(JWTCreator.Builder claims) {
        return sign(Algorithm.HMAC256(SECRET), null, claims);
    }

    private static String rs256(KeyPair key, String kid, JWTCreator.Builder claims) {
        return sign(Algorithm.RSA256(null, (RSAPrivateKey) key.getPrivate()), kid, claims);
    }

    private static String es256(KeyPair key, String kid, JWTCreator.Builder claims) {
        return sign(Algorithm.ECDSA256(null, (ECPrivateKey) key.getPrivate()), kid, claims);
    }

    private static String sign(Algorithm algorithm, String kid, JWTCreator.Builder claims) {
        return (kid == null ? claims : claims.withKeyId(kid)).sign(algorithm);
    }

    /** A token from a header and an encoded payload, HMAC-SHA256-signed with {@code key} whatever the header says. */
    private static String hmac(String header, String payload, byte[] key) throws Exception {
        String input = b64(header) + "." + payload;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String raw(String header, String payload, String signature) {
        return b64(header) + "." + payload + "." + signature;
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String flip(String signature) {
        char c = signature.charAt(5);
        return signature.substring(0, 5) + (c == 'A' ? 'B' : 'A') + signature.substring(6);
    }

    // ---- keys ----------------------------------------------------------------------------------

    private static KeyPair keyPair(String type) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(type);
            if (type.equals("EC")) {
                g.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                g.initialize(2048);
            }
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks(Map<String, KeyPair> keys) {
        List<String> entries = new ArrayList<>();
        keys.forEach((kid, pair) -> {
            if (pair.getPublic() instanceof RSAPublicKey rsa) {
                entries.add("{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"" + kid + "\",\"n\":\"" + unsigned(rsa.getModulus())
                        + "\",\"e\":\"" + unsigned(rsa.getPublicExponent()) + "\"}");
            } else {
                ECPublicKey ec = (ECPublicKey) pair.getPublic();
                entries.add("{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"" + kid + "\",\"x\":\"" + unsigned(ec.getW().getAffineX())
                        + "\",\"y\":\"" + unsigned(ec.getW().getAffineY()) + "\"}");
            }
        });
        return "{\"keys\":[" + String.join(",", entries) + "]}";
    }

    private static String unsigned(BigInteger n) {
        byte[] bytes = n.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Undertow serveJwks(AtomicReference<String> jwks) {
        Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(ex -> {
            ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            ex.getResponseSender().send(jwks.get());
        }).build();
        server.start();
        return server;
    }

    private static URI jwksUrl(Undertow server) {
        java.net.InetSocketAddress a = (java.net.InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        return URI.create("http://127.0.0.1:" + a.getPort() + "/.well-known/jwks.json");
    }
}
