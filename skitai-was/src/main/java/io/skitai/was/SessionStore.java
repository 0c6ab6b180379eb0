package io.skitai.was;

import com.fasterxml.jackson.core.type.TypeReference;
import io.skitai.core.Cookie;
import io.skitai.core.Exchange;
import io.skitai.core.Key;
import io.skitai.core.SharedState;
import io.skitai.was.internal.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a request's sessions from their cookies (and the shared values) on first use and writes
 * the changed ones just before the response goes ({@link Exchange#beforeCommit}). A cookie that is
 * not signed by a configured secret, was signed for another session, or has expired is ignored:
 * the request gets a new, empty session.
 */
final class SessionStore {

    /** The longest cookie value a session may need (browsers keep about 4 KiB per cookie). */
    static final int COOKIE_LIMIT = 4000;
    private static final String PURPOSE = "session:";
    private static final Key<OpenSessions> OPEN = Key.of("was.sessions", OpenSessions.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    /** The sessions a request opened, by name. */
    static final class OpenSessions extends HashMap<String, Session> {}

    private SessionStore() {}

    /** The session called {@code name} of {@code exchange} ({@code ""}: the default one). */
    static Session open(Exchange exchange, String name) {
        OpenSessions open = exchange.get(OPEN).orElseGet(() -> {
            OpenSessions made = new OpenSessions();
            exchange.put(OPEN, made);
            return made;
        });
        Session s = open.get(name);
        if (s == null) {
            SessionConfig config = config(exchange);
            s = load(exchange, config, name);
            open.put(name, s);
            Session opened = s;
            exchange.beforeCommit(() -> save(exchange, config, opened));
        }
        return s;
    }

    static SessionConfig config(Exchange exchange) {
        SessionConfig config = exchange.server().setting(SessionConfig.SETTING);
        if (!config.enabled()) {
            throw new IllegalStateException(Messages.sessionsNotConfigured());
        }
        return config;
    }

    private static Session load(Exchange exchange, SessionConfig config, String name) {
        SessionCodec codec = new SessionCodec(config.secrets());
        String cookie = cookieName(config, name);
        Optional<byte[]> payload = exchange.cookie(cookie).flatMap(v -> codec.verify(PURPOSE + cookie, v));
        java.util.function.Consumer<Map<String, Object>> check = config.store() == SessionConfig.Store.COOKIE
                ? values -> checkSize(codec, cookie, values) : values -> { };
        Instant expires = Instant.now().plus(config.timeout());
        if (payload.isPresent()) {
            try {
                if (config.store() == SessionConfig.Store.COOKIE) {
                    Map<String, Object> p = io.skitai.core.Json.mapper().readValue(payload.get(), MAP);
                    long until = ((Number) p.get("exp")).longValue();
                    if (until > Instant.now().getEpochSecond() && p.get("id") instanceof String id
                            && p.get("data") instanceof Map<?, ?> data) {
                        return new Session(name, id, cast(data), false, Instant.ofEpochSecond(until), check);
                    }
                } else {
                    String id = new String(payload.get(), StandardCharsets.UTF_8);
                    Optional<byte[]> stored = state(exchange).value(valueKey(cookie, id));
                    if (stored.isPresent()) {
                        return new Session(name, id, io.skitai.core.Json.mapper().readValue(stored.get(), MAP), false, expires, check);
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // a signed but unreadable or outdated payload: start afresh
            }
        }
        return new Session(name, SessionCodec.newId(), Map.of(), true, expires, check);
    }

    private static void save(Exchange exchange, SessionConfig config, Session s) {
        if (!s.dirty()) {
            return;
        }
        String cookie = cookieName(config, s.name());
        SessionCodec codec = new SessionCodec(config.secrets());
        if (config.store() == SessionConfig.Store.SHARED) {
            SharedState state = state(exchange);
            s.renewedFrom().ifPresent(old -> state.removeValue(valueKey(cookie, old)));
            if (s.invalidated()) {
                state.removeValue(valueKey(cookie, s.id()));
            } else {
                state.putValue(valueKey(cookie, s.id()), json(s.values()), config.timeout());
            }
        }
        if (s.invalidated()) {
            exchange.setCookie(attributes(Cookie.of(cookie, ""), config).maxAge(java.time.Duration.ZERO));
            return;
        }
        Instant until = Instant.now().plus(config.timeout());
        s.expires(until);
        String value = config.store() == SessionConfig.Store.COOKIE
                ? codec.sign(PURPOSE + cookie, cookiePayload(s.id(), until, s.values()))
                : codec.sign(PURPOSE + cookie, s.id().getBytes(StandardCharsets.UTF_8));
        exchange.setCookie(attributes(Cookie.of(cookie, value), config).maxAge(config.timeout()));
    }

    private static Cookie attributes(Cookie c, SessionConfig config) {
        return c.path("/").httpOnly(true).secure(config.secureCookie()).sameSite(config.sameSite());
    }

    private static void checkSize(SessionCodec codec, String cookie, Map<String, Object> values) {
        int size = codec.sign(PURPOSE + cookie, cookiePayload(SessionCodec.newId(), Instant.now(), values)).length();
        if (size > COOKIE_LIMIT) {
            throw new IllegalArgumentException(Messages.sessionTooLarge(size, COOKIE_LIMIT));
        }
    }

    private static byte[] cookiePayload(String id, Instant until, Map<String, Object> values) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("exp", until.getEpochSecond());
        p.put("data", values);
        return json(p);
    }

    private static byte[] json(Object value) {
        try {
            return io.skitai.core.Json.mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("a session value is not JSON: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> data) {
        return (Map<String, Object>) data;
    }

    private static String cookieName(SessionConfig config, String name) {
        return name.isEmpty() ? config.cookieName() : config.cookieName() + "_" + name;
    }

    private static String valueKey(String cookie, String id) {
        return "session:" + cookie + ":" + id;
    }

    private static SharedState state(Exchange exchange) {
        return exchange.server().sharedState();
    }
}
