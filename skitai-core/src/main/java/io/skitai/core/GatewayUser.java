package io.skitai.core;

import java.util.Optional;
import java.util.Set;

/**
 * Who called through the API gateway: the user a {@link GatewayAuth} found for the request's bearer
 * token (Python's {@code handler.continue_request(request, username, roles)}). The gateway keeps it
 * on the exchange ({@link #of(Exchange)}) for the filters after it.
 *
 * @param name  the user's name
 * @param roles the user's roles; an alias's {@code role} must be one of them
 */
public record GatewayUser(String name, Set<String> roles) {

    /** Where the gateway keeps the caller on the exchange. */
    public static final Key<GatewayUser> KEY = Key.of("skitai.gatewayUser", GatewayUser.class);

    /** Copies the roles. */
    public GatewayUser {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a gateway user needs a name");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A user with {@code roles}. */
    public static GatewayUser of(String name, String... roles) {
        return new GatewayUser(name, Set.of(roles));
    }

    /** The caller the gateway admitted for {@code exchange}, if it went through the gateway. */
    public static Optional<GatewayUser> of(Exchange exchange) {
        return exchange.get(KEY);
    }

    /** Whether the user has {@code role}. */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
