package io.skitai.core;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A cookie to set with {@link Exchange#setCookie(Cookie)}: an immutable value with RFC 6265
 * attributes, built wither-style:
 *
 * <pre>{@code
 * exchange.setCookie(Cookie.of("sid", token).path("/").httpOnly(true).secure(true)
 *         .sameSite(Cookie.SameSite.STRICT).maxAge(Duration.ofHours(1)));
 * }</pre>
 *
 * <p>Names are RFC 9110 tokens and values RFC 6265 cookie-octets (no controls, whitespace,
 * {@code "}, {@code ,}, {@code ;} or {@code \}; optionally wrapped in double quotes): anything else
 * is an {@link IllegalArgumentException} saying what is wrong. Encode other values yourself (for
 * example with URL or Base64url encoding).
 */
public final class Cookie {

    /** The {@code SameSite} attribute. {@code NONE} needs {@link #secure(boolean) Secure}. */
    public enum SameSite {
        /** Sent with same-site requests only. */
        STRICT("Strict"),
        /** Sent with same-site requests and top-level cross-site navigations. */
        LAX("Lax"),
        /** Sent with cross-site requests too; browsers accept it only with {@code Secure}. */
        NONE("None");

        private final String text;

        SameSite(String text) {
            this.text = text;
        }

        /** The attribute value as sent, e.g. {@code Strict}. */
        public String text() {
            return text;
        }
    }

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final String name;
    private final String value;
    private final Duration maxAge;
    private final Instant expires;
    private final String path;
    private final String domain;
    private final boolean secure;
    private final boolean httpOnly;
    private final SameSite sameSite;

    private Cookie(String name, String value, Duration maxAge, Instant expires, String path, String domain,
                   boolean secure, boolean httpOnly, SameSite sameSite) {
        this.name = name;
        this.value = value;
        this.maxAge = maxAge;
        this.expires = expires;
        this.path = path;
        this.domain = domain;
        this.secure = secure;
        this.httpOnly = httpOnly;
        this.sameSite = sameSite;
    }

    /**
     * A session cookie (no Max-Age or Expires) with no other attributes.
     *
     * @throws IllegalArgumentException when the name is not a token or the value has a character a
     *                                  cookie value cannot carry
     */
    public static Cookie of(String name, String value) {
        return new Cookie(checkName(name), checkValue(name, value), null, null, null, null, false, false, null);
    }

    /** With {@code Max-Age} in whole seconds ({@link Duration#ZERO} deletes the cookie). */
    public Cookie maxAge(Duration maxAge) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("cookie '" + name + "': Max-Age cannot be negative, got " + maxAge);
        }
        return new Cookie(name, value, maxAge, expires, path, domain, secure, httpOnly, sameSite);
    }

    /** With {@code Expires} (sent as an HTTP date, to the second). */
    public Cookie expires(Instant expires) {
        return new Cookie(name, value, maxAge, Objects.requireNonNull(expires, "expires"), path, domain, secure, httpOnly, sameSite);
    }

    /** With {@code Path}, e.g. {@code "/"}. */
    public Cookie path(String path) {
        return new Cookie(name, value, maxAge, expires, checkPath(path), domain, secure, httpOnly, sameSite);
    }

    /** With {@code Domain}, e.g. {@code "example.com"} (the cookie then goes to its subdomains too). */
    public Cookie domain(String domain) {
        return new Cookie(name, value, maxAge, expires, path, checkDomain(domain), secure, httpOnly, sameSite);
    }

    /** With or without {@code Secure} (sent over HTTPS only). */
    public Cookie secure(boolean secure) {
        return new Cookie(name, value, maxAge, expires, path, domain, secure, httpOnly, sameSite);
    }

    /** With or without {@code HttpOnly} (hidden from scripts). */
    public Cookie httpOnly(boolean httpOnly) {
        return new Cookie(name, value, maxAge, expires, path, domain, secure, httpOnly, sameSite);
    }

    /** With {@code SameSite}. */
    public Cookie sameSite(SameSite sameSite) {
        return new Cookie(name, value, maxAge, expires, path, domain, secure, httpOnly, Objects.requireNonNull(sameSite, "sameSite"));
    }

    /** The name. */
    public String name() {
        return name;
    }

    /** The value. */
    public String value() {
        return value;
    }

    /** {@code Max-Age}, if set. */
    public Optional<Duration> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    /** {@code Expires}, if set. */
    public Optional<Instant> expires() {
        return Optional.ofNullable(expires);
    }

    /** {@code Path}, if set. */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    /** {@code Domain}, if set. */
    public Optional<String> domain() {
        return Optional.ofNullable(domain);
    }

    /** Whether {@code Secure} is set. */
    public boolean secure() {
        return secure;
    }

    /** Whether {@code HttpOnly} is set. */
    public boolean httpOnly() {
        return httpOnly;
    }

    /** {@code SameSite}, if set. */
    public Optional<SameSite> sameSite() {
        return Optional.ofNullable(sameSite);
    }

    /**
     * The {@code Set-Cookie} header value, e.g. {@code sid=abc; Max-Age=3600; Path=/; Secure; HttpOnly; SameSite=Strict}.
     *
     * @throws IllegalArgumentException when the attributes contradict each other: {@code SameSite=None}
     *                                  without {@code Secure}, or a {@code __Secure-}/{@code __Host-}
     *                                  name without what its prefix demands
     */
    public String toSetCookie() {
        checkConsistent();
        StringBuilder b = new StringBuilder(name.length() + value.length() + 64).append(name).append('=').append(value);
        if (maxAge != null) {
            b.append("; Max-Age=").append(maxAge.getSeconds());
        }
        if (expires != null) {
            b.append("; Expires=").append(HTTP_DATE.format(expires));
        }
        if (path != null) {
            b.append("; Path=").append(path);
        }
        if (domain != null) {
            b.append("; Domain=").append(domain);
        }
        if (secure) {
            b.append("; Secure");
        }
        if (httpOnly) {
            b.append("; HttpOnly");
        }
        if (sameSite != null) {
            b.append("; SameSite=").append(sameSite.text());
        }
        return b.toString();
    }

    private void checkConsistent() {
        if (sameSite == SameSite.NONE && !secure) {
            throw new IllegalArgumentException("cookie '" + name + "': SameSite=None needs Secure (browsers drop it otherwise); add secure(true)");
        }
        if (name.startsWith("__Secure-") && !secure) {
            throw new IllegalArgumentException("cookie '" + name + "': a __Secure- name needs Secure; add secure(true)");
        }
        if (name.startsWith("__Host-") && (!secure || !"/".equals(path) || domain != null)) {
            throw new IllegalArgumentException("cookie '" + name + "': a __Host- name needs Secure, Path=/ and no Domain");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cookie c && name.equals(c.name) && value.equals(c.value) && Objects.equals(maxAge, c.maxAge)
                && Objects.equals(expires, c.expires) && Objects.equals(path, c.path) && Objects.equals(domain, c.domain)
                && secure == c.secure && httpOnly == c.httpOnly && sameSite == c.sameSite;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value, maxAge, expires, path, domain, secure, httpOnly, sameSite);
    }

    @Override
    public String toString() {
        return "Cookie(" + name + "=" + value + (path == null ? "" : ", path " + path) + (domain == null ? "" : ", domain " + domain) + ")";
    }

    // ---- RFC 6265 §4.1.1 -----------------------------------------------------------------

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a cookie name cannot be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isTokenChar(c)) {
                throw new IllegalArgumentException("cookie name '" + printable(name) + "' has " + describe(c)
                        + " at " + i + ": a name is a token (letters, digits and !#$%&'*+-.^_`|~)");
            }
        }
        return name;
    }

    private static String checkValue(String name, String value) {
        Objects.requireNonNull(value, "value");
        int from = 0;
        int to = value.length();
        if (to >= 2 && value.charAt(0) == '"' && value.charAt(to - 1) == '"') {
            from = 1;
            to--;
        }
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (!isCookieOctet(c)) {
                throw new IllegalArgumentException("the value of cookie '" + name + "' has " + describe(c) + " at " + i
                        + ": a value cannot hold controls, whitespace, '\"', ',', ';', '\\' or non-ASCII (encode it first)");
            }
        }
        return value;
    }

    private static String checkPath(String path) {
        Objects.requireNonNull(path, "path");
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == ';') {
                throw new IllegalArgumentException("cookie path '" + printable(path) + "' has " + describe(c) + " at " + i);
            }
        }
        return path;
    }

    private static String checkDomain(String domain) {
        Objects.requireNonNull(domain, "domain");
        if (domain.isEmpty()) {
            throw new IllegalArgumentException("a cookie domain cannot be empty");
        }
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.')) {
                throw new IllegalArgumentException("cookie domain '" + printable(domain) + "' has " + describe(c) + " at " + i
                        + ": a domain is letters, digits, '-' and '.'");
            }
        }
        return domain;
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static boolean isCookieOctet(char c) {
        return c == 0x21 || c >= 0x23 && c <= 0x2b || c >= 0x2d && c <= 0x3a || c >= 0x3c && c <= 0x5b || c >= 0x5d && c <= 0x7e;
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7f ? String.format("control character U+%04X", (int) c)
                : c == ' ' ? "a space" : c > 0x7e ? String.format("non-ASCII U+%04X", (int) c) : "'" + c + "'";
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && i < 60; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return s.length() > 60 ? b + "..." : b.toString();
    }
}
