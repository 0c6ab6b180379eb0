package io.skitai.atila.internal;

import io.skitai.core.Exchange;
import io.skitai.core.Key;
import java.util.Optional;

/** The user a request authenticated as through {@code @AuthorizationRequired}, kept on its exchange. */
public final class AuthUser {

    private static final Key<String> USER = Key.of("atila.auth.user", String.class);

    private AuthUser() {}

    /** The authenticated user of {@code exchange}, if any. */
    public static Optional<String> of(Exchange exchange) {
        return exchange.get(USER);
    }

    static void set(Exchange exchange, String user) {
        exchange.put(USER, user);
    }
}
