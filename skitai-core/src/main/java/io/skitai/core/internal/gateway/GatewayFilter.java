package io.skitai.core.internal.gateway;

import io.skitai.core.Exchange;
import io.skitai.core.Filter;
import io.skitai.core.Gateway;
import io.skitai.core.GatewayUser;
import io.skitai.core.Handler;
import io.skitai.core.HttpError;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's check in front of one proxied alias: a bearer token is required and must name a
 * caller ({@link io.skitai.core.GatewayAuth}), who must have the alias's role. 401 with
 * {@code WWW-Authenticate: Bearer ...} (RFC 6750 3) for a missing or refused token, 403 for a missing
 * role. The admitted caller is kept on the exchange ({@link GatewayUser#of(Exchange)}).
 */
public final class GatewayFilter implements Filter {

    private static final String REALM = "Bearer realm=\"skitai\"";
    /** RFC 6750 2.1's b64token. */
    private static final java.util.regex.Pattern TOKEN68 = java.util.regex.Pattern.compile("[A-Za-z0-9._~+/=-]+");

    private final Gateway gateway;
    private final String alias;
    private final Optional<String> role;
    private final JwtVerifier jwts;

    /** The check for {@code alias} (its name and required role). */
    public GatewayFilter(Gateway gateway, String alias, Optional<String> role,
            java.util.function.Supplier<io.skitai.core.UpstreamClient> upstreams) {
        this.gateway = gateway;
        this.alias = alias;
        this.role = role;
        this.jwts = new JwtVerifier(gateway, upstreams);
    }

    @Override
    public Handler apply(Handler next) {
        return exchange -> {
            GatewayUser user = caller(exchange);
            if (role.isPresent() && !user.hasRole(role.get())) {
                throw new HttpError(403, alias + " needs the role " + role.get(),
                        Map.of("WWW-Authenticate", REALM + ", error=\"insufficient_scope\", scope=\"" + role.get() + "\""), null);
            }
            exchange.put(GatewayUser.KEY, user);
            next.handle(exchange);
        };
    }

    private GatewayUser caller(Exchange exchange) throws Exception {
        String token = bearer(exchange);
        try {
            if (token.length() > gateway.maxTokenLength()) {
                throw new TokenRefused("the token is longer than " + gateway.maxTokenLength() + " characters");
            }
            Optional<GatewayUser> user = looksLikeJwt(token)
                    ? gateway.auth().handleClaim(jwts.verify(token), exchange)
                    : gateway.auth().handleToken(token, exchange);
            return user.orElseThrow(() -> new TokenRefused("the token names no user"));
        } catch (TokenRefused e) {
            throw refused(e.getMessage());
        }
    }

    /** The bearer token of the Authorization header; 401 without one (RFC 6750 3.1: no error code). */
    private static String bearer(Exchange exchange) {
        java.util.List<String> values = exchange.headers("Authorization");
        if (values.isEmpty()) {
            throw new HttpError(401, "a bearer token is required", Map.of("WWW-Authenticate", REALM), null);
        }
        String value = values.get(0).strip();
        if (values.size() > 1 || value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw refused("the Authorization header is not one bearer token");
        }
        String token = value.substring(7).strip();
        if (token.isEmpty() || !TOKEN68.matcher(token).matches()) {
            throw refused("the bearer token has characters a token cannot have (RFC 6750 2.1)");
        }
        return token;
    }

    /** A JWT (JWS compact form) has three dot-separated parts. */
    private static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    private static HttpError refused(String description) {
        return new HttpError(401, description, Map.of("WWW-Authenticate",
                REALM + ", error=\"invalid_token\", error_description=\"" + description.replace("\"", "'") + "\""), null);
    }

    @Override
    public String toString() {
        return "Gateway(" + alias + role.map(r -> ", role " + r).orElse("") + ")";
    }
}
