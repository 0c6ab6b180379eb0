package io.skitai.core;

import java.util.Map;
import java.util.Optional;

/**
 * Finds the caller of a gateway request (Python's {@code handle_token} and {@code handle_claim}):
 * an empty answer refuses the request with a 401. Both run on the handler threads, so they may block,
 * e.g. to look a token up with {@code Was.current().backend("@tokens")}.
 *
 * <pre>{@code
 * Gateway.builder().secret(secret).auth(new GatewayAuth() {
 *     public Optional<GatewayUser> handleToken(String token, Exchange exchange) {
 *         return tokens.lookup(token);   // an opaque bearer token: yours to check
 *     }
 * }).build();
 * }</pre>
 */
public interface GatewayAuth {

    /** The default: no opaque tokens, and a JWT's {@code sub} (or {@code user}) and {@code roles}. */
    GatewayAuth CLAIMS = new GatewayAuth() {};

    /**
     * The caller of an opaque bearer token (one that is not a JWT), or empty to refuse it. The
     * default refuses every opaque token.
     */
    default Optional<GatewayUser> handleToken(String token, Exchange exchange) throws Exception {
        return Optional.empty();
    }

    /**
     * The caller of a JWT whose signature, algorithm and times the gateway has verified, from its
     * claims, or empty to refuse it. The default takes the name from {@code sub} (else {@code user})
     * and the roles from a {@code roles} list.
     */
    default Optional<GatewayUser> handleClaim(Map<String, Object> claims, Exchange exchange) throws Exception {
        Object name = claims.containsKey("sub") ? claims.get("sub") : claims.get("user");
        if (!(name instanceof String user) || user.isBlank()) {
            return Optional.empty();
        }
        java.util.Set<String> roles = new java.util.HashSet<>();
        if (claims.get("roles") instanceof java.util.Collection<?> list) {
            list.forEach(role -> roles.add(String.valueOf(role)));
        }
        return Optional.of(new GatewayUser(user, roles));
    }
}
