package io.skitai.was;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.core.type.TypeReference;
import io.skitai.core.SharedState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * {@code was.mkjwt/dejwt} and {@code was.mktoken/detoken/rmtoken}. JWTs are HS256, signed with the
 * first session secret and accepted with any; the algorithm is fixed here, never read from the
 * token ({@code none} and every other one are refused), {@code exp} is required and checked with a
 * 30-second leeway, as are {@code nbf} and {@code iat}; a token over 4096 characters is refused
 * unread. Opaque tokens are random ids whose claims live in the server's shared values, so removing
 * one revokes it in every worker.
 */
final class Tokens {

    private static final int MAX_LENGTH = 4096;
    private static final long LEEWAY_SECONDS = 30;
    private static final String PREFIX = "token:";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private Tokens() {}

    static String mkjwt(SessionConfig config, Map<String, ?> claims, Duration lifetime) {
        if (lifetime == null || !lifetime.isPositive()) {
            throw new IllegalArgumentException("a token needs a positive lifetime, not " + lifetime);
        }
        Instant now = Instant.now();
        return JWT.create().withPayload(claims).withIssuedAt(now).withExpiresAt(now.plus(lifetime))
                .sign(Algorithm.HMAC256(config.secrets().get(0).getBytes(StandardCharsets.UTF_8)));
    }

    static Optional<Map<String, Object>> dejwt(SessionConfig config, String token) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        DecodedJWT unverified;
        try {
            unverified = JWT.decode(token);
        } catch (JWTVerificationException malformed) {
            return Optional.empty();
        }
        for (String secret : config.secrets()) {
            try {
                DecodedJWT jwt = JWT.require(Algorithm.HMAC256(secret.getBytes(StandardCharsets.UTF_8)))
                        .acceptLeeway(LEEWAY_SECONDS).withClaimPresence("exp").build().verify(unverified);
                return Optional.of(io.skitai.core.Json.mapper().readValue(Base64.getUrlDecoder().decode(jwt.getPayload()), MAP));
            } catch (JWTVerificationException | IOException | IllegalArgumentException refused) {
                // try the next secret
            }
        }
        return Optional.empty();
    }

    static String mktoken(SharedState state, Map<String, ?> claims, Duration lifetime) {
        String token = SessionCodec.newId() + SessionCodec.newId();
        try {
            state.putValue(PREFIX + token, io.skitai.core.Json.mapper().writeValueAsBytes(claims), lifetime);
        } catch (IOException e) {
            throw new IllegalArgumentException("token claims must be JSON: " + e.getMessage(), e);
        }
        return token;
    }

    static Optional<Map<String, Object>> detoken(SharedState state, String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{1,64}")) {
            return Optional.empty();
        }
        return state.value(PREFIX + token).map(bytes -> {
            try {
                return io.skitai.core.Json.mapper().readValue(bytes, MAP);
            } catch (IOException e) {
                return null;
            }
        });
    }

    static boolean rmtoken(SharedState state, String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{1,64}") && state.removeValue(PREFIX + token);
    }
}
