package io.skitai.was;

import io.skitai.core.Cookie;
import io.skitai.core.Exchange;
import java.util.Map;
import java.util.Optional;

/**
 * The request's cookies and the response's ({@link Was#cookie()}, Python's {@code was.cookie}):
 * read what came, set or delete what goes, with every attribute of {@link Cookie}.
 *
 * <pre>{@code
 * String theme = was.cookie().get("theme").orElse("light");
 * was.cookie().set(Cookie.of("theme", "dark").maxAge(Duration.ofDays(365)).path("/"));
 * was.cookie().remove("theme");
 * }</pre>
 */
public final class Cookies {

    private final Exchange exchange;

    Cookies(Exchange exchange) {
        this.exchange = exchange;
    }

    /** The value of the request's cookie {@code name}. */
    public Optional<String> get(String name) {
        return exchange.cookie(name);
    }

    /** Every cookie of the request, by name. */
    public Map<String, String> all() {
        return exchange.cookies();
    }

    /** Sets a cookie on the response. */
    public Cookies set(Cookie cookie) {
        exchange.setCookie(cookie);
        return this;
    }

    /** Sets a cookie on the response with the defaults ({@code Path=/}, {@code HttpOnly}, {@code SameSite=Lax}). */
    public Cookies set(String name, String value) {
        return set(Cookie.of(name, value).path("/").httpOnly(true).sameSite(Cookie.SameSite.LAX));
    }

    /** Tells the browser to forget cookie {@code name} (path {@code /}). */
    public Cookies remove(String name) {
        exchange.removeCookie(name, "/");
        return this;
    }
}
