package io.skitai.core.internal;

import io.skitai.core.Cookie;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Reads the {@code Cookie} request header and writes {@code Set-Cookie} response headers (RFC 6265). */
final class CookieHeaders {

    private CookieHeaders() {}

    /**
     * The cookies of the {@code Cookie} header lines (HTTP/2 may split them), by name. Lenient as
     * RFC 6265 §5.4 asks of a server: pairs without {@code =} or a name are skipped, a value in
     * double quotes loses them, and the first of several cookies of one name (the most specific
     * path) wins.
     */
    static Map<String, String> parse(List<String> lines) {
        if (lines.isEmpty()) {
            return Map.of();
        }
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String line : lines) {
            for (String pair : line.split(";")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
                    value = value.substring(1, value.length() - 1);
                }
                if (!name.isEmpty()) {
                    cookies.putIfAbsent(name, value);
                }
            }
        }
        return Collections.unmodifiableMap(cookies);
    }

    /**
     * Adds a {@code Set-Cookie} header for {@code cookie}, replacing one set earlier in this
     * response for the same name, path and domain (other cookies keep their own headers).
     */
    static void set(HeaderMap headers, Cookie cookie) {
        String header = cookie.toSetCookie();
        HeaderValues earlier = headers.get(Headers.SET_COOKIE);
        if (earlier != null && earlier.stream().anyMatch(v -> sameCookie(v, cookie))) {
            List<String> kept = earlier.stream().filter(v -> !sameCookie(v, cookie)).toList();
            headers.remove(Headers.SET_COOKIE);
            headers.addAll(Headers.SET_COOKIE, kept);
        }
        headers.add(Headers.SET_COOKIE, header);
    }

    private static boolean sameCookie(String setCookie, Cookie cookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        if (eq < 0 || !parts[0].substring(0, eq).strip().equals(cookie.name())) {
            return false;
        }
        String path = null;
        String domain = null;
        for (int i = 1; i < parts.length; i++) {
            String attr = parts[i].strip();
            int at = attr.indexOf('=');
            String key = (at < 0 ? attr : attr.substring(0, at)).strip().toLowerCase(Locale.ROOT);
            String value = at < 0 ? "" : attr.substring(at + 1).strip();
            if (key.equals("path")) {
                path = value;
            } else if (key.equals("domain")) {
                domain = value.toLowerCase(Locale.ROOT);
            }
        }
        return Objects.equals(path, cookie.path().orElse(null))
                && Objects.equals(domain, cookie.domain().map(d -> d.toLowerCase(Locale.ROOT)).orElse(null));
    }
}
