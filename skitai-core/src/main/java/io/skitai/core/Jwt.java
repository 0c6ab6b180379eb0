package io.skitai.core;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Issues JSON Web Tokens for the {@link Gateway} (Python's {@code jwt.gen_token(secret, claims, "HS256")}),
 * with java-jwt ({@code com.auth0:java-jwt}, an optional dependency a program that issues tokens
 * adds). Every token gets {@code iat} now and {@code exp} after its lifetime:
 *
 * <pre>{@code
 * String token = Jwt.hs256(secret, Map.of("sub", "hansroh", "roles", List.of("user")), Duration.ofHours(1));
 * }</pre>
 */
public final class Jwt {

    private Jwt() {}

    /** A token signed with HS256 and {@code secret}. */
    public static String hs256(String secret, Map<String, ?> claims, Duration lifetime) {
        return sign(Algorithm.HMAC256(secret.getBytes(StandardCharsets.UTF_8)), null, claims, lifetime);
    }

    /** A token signed with RS256 and {@code key}, naming {@code keyId} as its {@code kid} (null: none). */
    public static String rs256(RSAPrivateKey key, String keyId, Map<String, ?> claims, Duration lifetime) {
        return sign(Algorithm.RSA256(null, key), keyId, claims, lifetime);
    }

    /** A token signed with ES256 and {@code key}, naming {@code keyId} as its {@code kid} (null: none). */
    public static String es256(ECPrivateKey key, String keyId, Map<String, ?> claims, Duration lifetime) {
        return sign(Algorithm.ECDSA256(null, key), keyId, claims, lifetime);
    }

    private static String sign(Algorithm algorithm, String keyId, Map<String, ?> claims, Duration lifetime) {
        if (lifetime == null || !lifetime.isPositive()) {
            throw new IllegalArgumentException("a token needs a positive lifetime, not " + lifetime);
        }
        Instant now = Instant.now();
        JWTCreator.Builder b = JWT.create().withPayload(claims).withIssuedAt(now).withExpiresAt(now.plus(lifetime));
        if (keyId != null) {
            b.withKeyId(keyId);
        }
        return b.sign(algorithm);
    }
}
