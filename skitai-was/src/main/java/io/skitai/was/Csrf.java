package io.skitai.was;

import io.skitai.core.Exchange;
import io.skitai.core.Filter;
import io.skitai.core.HttpError;
import io.skitai.was.internal.Messages;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Cross-site request forgery protection (Python's {@code was.csrf_token}, {@code csrf_token_input}
 * and {@code csrf_verify}): a random token kept in the user's session goes into each form
 * ({@link Was#csrfTokenInput()}), and an unsafe request must bring it back, in the form field
 * {@value #FIELD} or the header {@value #HEADER}. A token is good for one request: verifying
 * consumes it, so a replayed one fails, and one from another session never matches. Put
 * {@link #filter()} on a mount to check every POST, PUT, PATCH and DELETE (403 on failure).
 */
public final class Csrf {

    /** The form field the token comes back in. */
    public static final String FIELD = "csrf_token";
    /** The header the token may come back in instead (for scripts). */
    public static final String HEADER = "X-CSRF-Token";
    private static final String KEY = "_csrf";
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private Csrf() {}

    /** The session's token, made on first use. */
    static String token(Session session) {
        return session.get(KEY, String.class).orElseGet(() -> {
            String made = SessionCodec.newId() + SessionCodec.newId();
            session.put(KEY, made);
            return made;
        });
    }

    /** A hidden form field with the token, for templates. */
    static String input(Session session) {
        return "<input type=\"hidden\" name=\"" + FIELD + "\" value=\"" + token(session) + "\">";
    }

    /** Whether {@code exchange} brought the session's token back; the token is used up either way. */
    static boolean verify(Exchange exchange, Session session) {
        String expected = session.get(KEY, String.class).orElse(null);
        String given = exchange.header(HEADER).or(() -> exchange.formValue(FIELD)).orElse(null);
        if (expected == null || given == null) {
            return false;
        }
        session.remove(KEY);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    /** A filter that refuses POST, PUT, PATCH and DELETE without the session's token (403). */
    public static Filter filter() {
        return Filter.named("CSRF check of unsafe methods", next -> exchange -> {
            if (UNSAFE.contains(exchange.method())) {
                Session session = SessionStore.open(exchange, "");
                boolean had = session.has(KEY);
                if (!verify(exchange, session)) {
                    throw new HttpError(403, Messages.csrfRefused(had ? "is missing or does not match" : "is missing: this session has none"));
                }
            }
            next.handle(exchange);
        });
    }
}
