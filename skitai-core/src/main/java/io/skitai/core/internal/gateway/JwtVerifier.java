package io.skitai.core.internal.gateway;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skitai.core.Gateway;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a JWT for the gateway with java-jwt. The algorithm is the one the configuration pins for
 * the key that signs: {@code HS256} only with the secret, {@code RS256} only with an RSA key,
 * {@code ES256} only with a P-256 key; {@code none} and everything else are refused. The key is the
 * configured one for the token's {@code kid}, or the JWKS's; an id names a key, never a path or URL.
 */
final class JwtVerifier {

    private final byte[] secret;
    private final Map<String, PublicKey> publicKeys;
    private final JwksKeys jwks;
    private final Gateway gateway;
    private final ObjectMapper json = new ObjectMapper();
    /** Verifiers by their algorithm object, which {@link #algorithms} keeps one of per key. */
    private final java.util.Map<Algorithm, com.auth0.jwt.JWTVerifier> verifiers = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Object, Algorithm> algorithms = new java.util.concurrent.ConcurrentHashMap<>();

    JwtVerifier(Gateway gateway, java.util.function.Supplier<io.skitai.core.UpstreamClient> upstreams) {
        this.gateway = gateway;
        this.secret = gateway.secret().orElse(null);
        this.publicKeys = gateway.publicKeys();
        this.jwks = gateway.jwks().map(u -> new JwksKeys(u, gateway.jwksRefresh(), gateway.jwksMinRefetch(), upstreams)).orElse(null);
    }

    /** The verified token's claims. */
    Map<String, Object> verify(String token) throws TokenRefused {
        DecodedJWT unverified;
        try {
            unverified = JWT.decode(token);
        } catch (JWTDecodeException e) {
            throw new TokenRefused("the token is not a well-formed JWT");
        }
        com.auth0.jwt.JWTVerifier verifier = verifier(unverified.getAlgorithm(), unverified.getKeyId());
        try {
            DecodedJWT jwt = verifier.verify(unverified);
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = json.readValue(Base64.getUrlDecoder().decode(jwt.getPayload()), Map.class);
            return claims;
        } catch (TokenExpiredException e) {
            throw new TokenRefused("the token expired");
        } catch (JWTVerificationException e) {
            throw new TokenRefused("the token was refused: " + e.getClass().getSimpleName().replace("Exception", ""));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new TokenRefused("the token's claims are not a JSON object");
        }
    }

    /** The verifier of an algorithm and key, built once per key (they are thread-safe). */
    private com.auth0.jwt.JWTVerifier verifier(String alg, String kid) throws TokenRefused {
        Algorithm algorithm = algorithm(alg, kid);
        return verifiers.computeIfAbsent(algorithm, a -> {
            Verification v = JWT.require(a).acceptLeeway(gateway.leeway().toSeconds()).withClaimPresence("exp");
            gateway.issuer().ifPresent(v::withIssuer);
            gateway.audience().ifPresent(v::withAudience);
            return v.build();
        });
    }

    private Algorithm algorithm(String alg, String kid) throws TokenRefused {
        switch (String.valueOf(alg)) {
            case "HS256" -> {
                if (secret != null) {
                    return algorithms.computeIfAbsent("HS256", k -> Algorithm.HMAC256(secret));
                }
            }
            case "RS256" -> {
                if (key(kid) instanceof RSAPublicKey rsa) {
                    return algorithms.computeIfAbsent(rsa, k -> Algorithm.RSA256(rsa, null));
                }
            }
            case "ES256" -> {
                if (key(kid) instanceof ECPublicKey ec) {
                    return algorithms.computeIfAbsent(ec, k -> Algorithm.ECDSA256(ec, null));
                }
            }
            default -> { }
        }
        throw new TokenRefused("no accepted key signs with this algorithm and key id");
    }

    private PublicKey key(String kid) {
        if (kid != null && publicKeys.containsKey(kid)) {
            return publicKeys.get(kid);
        }
        if (jwks != null && kid != null && !kid.isEmpty()) {
            Optional<PublicKey> k = jwks.key(kid);
            if (k.isPresent()) {
                return k.get();
            }
        }
        return publicKeys.get("");
    }
}
