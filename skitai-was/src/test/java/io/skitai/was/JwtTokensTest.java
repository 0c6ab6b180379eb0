package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * {@code was.mkjwt}/{@code was.dejwt} on a real server: its own tokens round-trip (also after the
 * secret is rotated), and a matrix of hostile tokens all decode to nothing.
 */
class JwtTokensTest {

    private static final String SECRET = "jwt-secret-for-was-tokens-0123456789abcdef";
    private static final String OLD = "jwt-older-secret-for-was-tokens-0123456789";

    private static ServerBuilder app(String... secrets) {
        ServerBuilder config = ServerBuilder.create();
        config.set(SessionConfig.SETTING, SessionConfig.cookie(secrets).secureCookie(false));
        config.mount("/", ex -> {
            Was was = Was.current();
            if (ex.pathInfo().equals("/mk")) {
                ex.send(was.mkjwt(Map.of("user", "ann", "roles", List.of("admin")), Duration.ofMinutes(5)));
            } else {
                ex.json(Map.of("claims", was.dejwt(ex.bodyText()).map(Object.class::cast).orElse("-")));
            }
        });
        return config;
    }

    @Test
    void ownTokensRoundTripAndHostileOnesDecodeToNothing() throws Exception {
        TestKit.serve(app(OLD), old -> {
            String byOld = old.get("/mk").text();
            TestKit.serve(app(SECRET, OLD), cli -> {
                String mine = cli.get("/mk").text();
                assertThat(dejwt(cli, mine)).contains("\"user\":\"ann\"").contains("\"admin\"");
                assertThat(dejwt(cli, byOld)).as("signed by the secret being rotated out").contains("\"user\":\"ann\"");
                Map<String, String> hostile = hostile(mine);
                assertThat(hostile).hasSizeGreaterThanOrEqualTo(40);
                List<String> accepted = new ArrayList<>();
                hostile.forEach((what, token) -> {
                    String answer = dejwt(cli, token);
                    if (!answer.equals("{\"claims\":\"-\"}")) {
                        accepted.add(what + " -> " + answer);
                    }
                });
                assertThat(accepted).as("hostile tokens dejwt accepted").isEmpty();
            });
        });
    }

    private static String dejwt(io.skitai.testkit.TestClient cli, String token) {
        return cli.request("POST", "/de").body(token, "text/plain").send().text();
    }

    private static Map<String, String> hostile(String good) throws Exception {
        KeyPair rsa = pair("RSA");
        KeyPair ec = pair("EC");
        String[] p = good.split("\\.");
        String payload = p[1];
        Map<String, String> h = new LinkedHashMap<>();
        h.put("empty", "");
        h.put("blank", "   ");
        h.put("one part", p[0]);
        h.put("two parts", p[0] + "." + p[1]);
        h.put("empty signature", p[0] + "." + p[1] + ".");
        h.put("four parts", good + ".AAAA");
        h.put("five parts", good + ".AAAA.BBBB");
        h.put("last 10 characters cut", good.substring(0, good.length() - 10));
        h.put("signature changed", p[0] + "." + p[1] + "." + flip(p[2]));
        h.put("payload changed", p[0] + "." + b64(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
                .replace("ann", "eve")) + "." + p[2]);
        h.put("alg none", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".");
        h.put("alg None", b64("{\"alg\":\"None\"}") + "." + payload + ".");
        h.put("alg NONE", b64("{\"alg\":\"NONE\"}") + "." + payload + ".");
        h.put("alg none with the old signature", b64("{\"alg\":\"none\"}") + "." + payload + "." + p[2]);
        h.put("alg missing", b64("{\"typ\":\"JWT\"}") + "." + payload + "." + p[2]);
        h.put("alg empty", b64("{\"alg\":\"\"}") + "." + payload + "." + p[2]);
        h.put("HS384 with the right secret", JWT.create().withClaim("user", "ann").withExpiresAt(Instant.now().plusSeconds(300))
                .sign(Algorithm.HMAC384(SECRET)));
        h.put("HS512 with the right secret", JWT.create().withClaim("user", "ann").withExpiresAt(Instant.now().plusSeconds(300))
                .sign(Algorithm.HMAC512(SECRET)));
        h.put("RS256 by some RSA key", claims().sign(Algorithm.RSA256(null, (RSAPrivateKey) rsa.getPrivate())));
        h.put("ES256 by some EC key", claims().sign(Algorithm.ECDSA256(null, (ECPrivateKey) ec.getPrivate())));
        h.put("HS/RS confusion: HS256 with a public key PEM as secret", hmac("{\"alg\":\"HS256\"}", payload, pem(rsa).getBytes(StandardCharsets.UTF_8)));
        h.put("HS/RS confusion: HS256 with a public key DER as secret", hmac("{\"alg\":\"HS256\"}", payload, rsa.getPublic().getEncoded()));
        h.put("HS256 with a wrong secret", claims().sign(Algorithm.HMAC256(SECRET + "!")));
        h.put("HS256 with an empty-ish secret", hmac("{\"alg\":\"HS256\"}", payload, new byte[1]));
        h.put("HS256 with the secret's prefix", claims().sign(Algorithm.HMAC256(SECRET.substring(0, 32))));
        h.put("expired an hour ago", claims().withExpiresAt(Instant.now().minusSeconds(3600)).sign(Algorithm.HMAC256(SECRET)));
        h.put("expired two minutes ago", claims().withExpiresAt(Instant.now().minusSeconds(120)).sign(Algorithm.HMAC256(SECRET)));
        h.put("not valid for an hour", claims().withNotBefore(Instant.now().plusSeconds(3600)).sign(Algorithm.HMAC256(SECRET)));
        h.put("issued in an hour", claims().withIssuedAt(Instant.now().plusSeconds(3600)).sign(Algorithm.HMAC256(SECRET)));
        h.put("no exp", JWT.create().withClaim("user", "ann").sign(Algorithm.HMAC256(SECRET)));
        h.put("exp not a number", hmac("{\"alg\":\"HS256\"}", b64("{\"user\":\"ann\",\"exp\":\"tomorrow\"}"), SECRET.getBytes(StandardCharsets.UTF_8)));
        h.put("oversized", p[0] + "." + b64("{\"user\":\"" + "a".repeat(4000) + "\"}") + "." + p[2]);
        h.put("oversized but validly signed", claims().withClaim("pad", "a".repeat(4200)).sign(Algorithm.HMAC256(SECRET)));
        h.put("characters a token cannot have", "@@@." + payload + "." + p[2]);
        h.put("header not JSON", b64("hello") + "." + payload + "." + p[2]);
        h.put("payload not JSON", hmac("{\"alg\":\"HS256\"}", b64("hello"), SECRET.getBytes(StandardCharsets.UTF_8)));
        h.put("payload a JSON array", hmac("{\"alg\":\"HS256\"}", b64("[1,2]"), SECRET.getBytes(StandardCharsets.UTF_8)));
        h.put("header a JSON array", b64("[\"HS256\"]") + "." + payload + "." + p[2]);
        h.put("kid path trick", hmac("{\"alg\":\"HS256\",\"kid\":\"../../dev/null\"}", payload, "x".getBytes(StandardCharsets.UTF_8)));
        h.put("jku elsewhere", b64("{\"alg\":\"HS256\",\"jku\":\"http://127.0.0.1:1/jwks\"}") + "." + payload + "." + p[2]);
        h.put("whitespace around", " " + good + " ");
        h.put("base64 padding added", p[0] + "==." + p[1] + "." + p[2]);
        h.put("standard base64 in the signature", p[0] + "." + p[1] + "." + p[2].replace('-', '+').replace('_', '/') + "+/");
        h.put("opaque token", "12345678-1234-123456");
        return h;
    }

    private static JWTCreator.Builder claims() {
        return JWT.create().withClaim("user", "ann").withIssuedAt(Instant.now()).withExpiresAt(Instant.now().plusSeconds(300));
    }

    private static String hmac(String header, String payload, byte[] key) throws Exception {
        String input = b64(header) + "." + payload;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String flip(String s) {
        return s.substring(0, 5) + (s.charAt(5) == 'A' ? 'B' : 'A') + s.substring(6);
    }

    private static String pem(KeyPair k) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(k.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private static KeyPair pair(String type) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(type);
        if (type.equals("EC")) {
            g.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            g.initialize(2048);
        }
        return g.generateKeyPair();
    }
}
