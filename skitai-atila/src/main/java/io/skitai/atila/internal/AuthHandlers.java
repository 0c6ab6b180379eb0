package io.skitai.atila.internal;

import io.skitai.atila.Authorization;
import io.skitai.was.Was;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What an app set for its guarded routes: the login and permission handlers and the
 * {@link Authorization}, with the one Digest nonce store of that authorization (so a nonce from
 * one route is good on the others and survives a reload). Set before the app starts.
 */
public final class AuthHandlers {

    private volatile Function<Was, Object> login;
    private volatile BiFunction<Was, List<String>, Object> permission;
    private volatile Authorization authorization;
    private DigestNonces nonces;

    /** Sets the login handler. */
    public void login(Function<Was, Object> handler) {
        this.login = require(handler, "loginHandler");
    }

    /** Sets the permission handler. */
    public void permission(BiFunction<Was, List<String>, Object> handler) {
        this.permission = require(handler, "permissionHandler");
    }

    /** Sets the authorization. */
    public synchronized void authorization(Authorization authorization) {
        this.authorization = require(authorization, "authorization");
        this.nonces = null;
    }

    Function<Was, Object> login() {
        return login;
    }

    BiFunction<Was, List<String>, Object> permission() {
        return permission;
    }

    /**
     * The check of {@code scheme} for the route {@code endpoint}; throws
     * {@link IllegalStateException} for an unknown scheme or one the authorization cannot check.
     */
    synchronized HttpAuth scheme(String scheme, Endpoint endpoint) {
        String s = scheme.toLowerCase(Locale.ROOT);
        if (!List.of("basic", "digest", "bearer").contains(s)) {
            throw new IllegalStateException(Messages.unknownAuthScheme(endpoint.toString(), scheme));
        }
        Authorization a = authorization;
        AuthCredentials credentials = a == null ? null : new AuthCredentials(a);
        if (s.equals("bearer") ? a == null || a.bearer().isEmpty() : credentials == null || !credentials.present()) {
            throw new IllegalStateException(Messages.authorizationMissing(endpoint.toString(), s,
                    s.equals("bearer") ? ".bearer((was, token) -> ..)" : ".passwords(user -> ..) or .digestHashes(..)"));
        }
        return switch (s) {
            case "basic" -> new BasicAuth(a, credentials);
            case "bearer" -> new BearerAuth(a, a.bearer().get());
            default -> new DigestAuth(a, credentials, nonces(a));
        };
    }

    private DigestNonces nonces(Authorization a) {
        if (nonces == null) {
            nonces = new DigestNonces(a.clock(), a.nonceLifetime());
        }
        return nonces;
    }

    private static <T> T require(T value, String setting) {
        if (value == null) {
            throw new IllegalArgumentException(Messages.authSetting(setting, null));
        }
        return value;
    }
}
