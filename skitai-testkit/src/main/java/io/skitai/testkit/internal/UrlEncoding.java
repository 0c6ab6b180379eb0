package io.skitai.testkit.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** Percent-encoding for path segments, query strings and form bodies. */
public final class UrlEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlEncoding() {}

    /** Encodes one path segment: everything but RFC 3986 unreserved characters, so {@code /} becomes {@code %2F}. */
    public static String segment(Object value) {
        byte[] bytes = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * {@code application/x-www-form-urlencoded} for a map; an {@link Iterable} or array value repeats
     * the key once per element, {@code null} sends the key with an empty value.
     */
    public static String form(Map<String, ?> fields) {
        StringJoiner out = new StringJoiner("&");
        fields.forEach((name, value) -> {
            if (value instanceof Iterable<?> many) {
                many.forEach(v -> out.add(pair(name, v)));
            } else if (value instanceof Object[] many) {
                for (Object v : many) {
                    out.add(pair(name, v));
                }
            } else {
                out.add(pair(name, value));
            }
        });
        return out.toString();
    }

    private static String pair(String name, Object value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value == null ? "" : String.valueOf(value), StandardCharsets.UTF_8);
    }
}
