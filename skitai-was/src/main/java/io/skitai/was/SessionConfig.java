package io.skitai.was;

import io.skitai.core.Cookie;
import io.skitai.core.Setting;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * How {@link Was#session()} keeps sessions (Python's {@code app.securekey} and
 * {@code app.session_timeout}): signed with HMAC-SHA256 by the first secret, accepted when signed
 * by any of them (so a secret can be rotated in), and kept either in the cookie itself
 * ({@link #cookie}, at most 4 KiB) or in the server's shared values ({@link #shared}: every worker
 * sees them, and with shared state on Redis every machine), the cookie then holding only the signed
 * id. Cookies are {@code HttpOnly}, {@code SameSite=Lax} and {@code Secure} unless
 * {@linkplain #secureCookie(boolean) told otherwise}.
 *
 * <pre>{@code
 * Skitai.set(SessionConfig.SETTING, SessionConfig.shared(secret).timeout(Duration.ofMinutes(30)));
 * }</pre>
 *
 * @param store        where the session's values live
 * @param secrets      the signing secrets, the first signs
 * @param timeout      how long a session lives after its last change
 * @param cookieName   the cookie's name (a named session adds {@code _<name>})
 * @param secureCookie whether the cookie is {@code Secure} (sent over HTTPS only)
 * @param sameSite     the cookie's {@code SameSite}
 */
public record SessionConfig(Store store, List<String> secrets, Duration timeout, String cookieName, boolean secureCookie,
        Cookie.SameSite sameSite) {

    /** Where a session's values live. */
    public enum Store {
        /** In the cookie, signed (no server state; at most 4 KiB). */
        COOKIE,
        /** In the server's shared values, under a signed id. */
        SHARED
    }

    /** No sessions: {@link Was#session()} says how to configure them. */
    public static final SessionConfig NONE = new SessionConfig(Store.COOKIE, List.of(), Duration.ofMinutes(20), "SKITAI_SESSION",
            true, Cookie.SameSite.LAX);

    /** Where the server's configuration keeps it ({@code Skitai.set(SessionConfig.SETTING, ..)}). */
    public static final Setting<SessionConfig> SETTING = Setting.of("was.sessions", SessionConfig.class, NONE);

    /** Checks the values. */
    public SessionConfig {
        secrets = List.copyOf(secrets);
        for (String s : secrets) {
            if (s == null || s.getBytes(StandardCharsets.UTF_8).length < 32) {
                throw new IllegalArgumentException("a session secret needs at least 32 bytes");
            }
        }
        if (timeout == null || !timeout.isPositive()) {
            throw new IllegalArgumentException("a session timeout must be positive, not " + timeout);
        }
        if (cookieName == null || !cookieName.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("a session cookie name is letters, digits, '_' and '-', not " + cookieName);
        }
    }

    /** Sessions kept in a signed cookie; {@code secrets} sign (the first) and verify (all). */
    public static SessionConfig cookie(String... secrets) {
        return NONE.with(Store.COOKIE, secrets);
    }

    /** Sessions kept in the server's shared values under a signed id. */
    public static SessionConfig shared(String... secrets) {
        return NONE.with(Store.SHARED, secrets);
    }

    private SessionConfig with(Store where, String... keys) {
        if (keys.length == 0) {
            throw new IllegalArgumentException("sessions need at least one secret");
        }
        return new SessionConfig(where, List.of(keys), timeout, cookieName, secureCookie, sameSite);
    }

    /** Sessions that live {@code timeout} after their last change (default 20 minutes, as Python's). */
    public SessionConfig timeout(Duration timeout) {
        return new SessionConfig(store, secrets, timeout, cookieName, secureCookie, sameSite);
    }

    /** Another cookie name (default {@code SKITAI_SESSION}). */
    public SessionConfig cookieName(String name) {
        return new SessionConfig(store, secrets, timeout, name, secureCookie, sameSite);
    }

    /** Whether the cookie is {@code Secure} (default true; false only for plain-HTTP development). */
    public SessionConfig secureCookie(boolean secure) {
        return new SessionConfig(store, secrets, timeout, cookieName, secure, sameSite);
    }

    /** The cookie's {@code SameSite} (default {@code Lax}). */
    public SessionConfig sameSite(Cookie.SameSite value) {
        return new SessionConfig(store, secrets, timeout, cookieName, secureCookie, value);
    }

    /** Whether sessions are configured at all. */
    public boolean enabled() {
        return !secrets.isEmpty();
    }

    /** Never shows the secrets. */
    @Override
    public String toString() {
        return "SessionConfig[" + store + ", " + secrets.size() + " secrets, timeout " + timeout + ", cookie " + cookieName + "]";
    }
}
