package io.skitai.atila.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the auth-params of an {@code Authorization} header (RFC 9110 11.2):
 * {@code name=token} or {@code name="quoted string"}, separated by commas. Names are lower-cased;
 * a repeated name, a missing value or an unterminated quote is an {@link IllegalArgumentException}
 * whose message says what is wrong (for a 400).
 */
final class AuthParams {

    private final String s;
    private int i;

    private AuthParams(String s) {
        this.s = s;
    }

    /** The params of {@code text} (the header after the scheme). */
    static Map<String, String> parse(String text) {
        return new AuthParams(text).all();
    }

    private Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        while (true) {
            skipSpaces();
            if (i >= s.length()) {
                return out;
            }
            if (s.charAt(i) == ',') {
                i++;
                continue;
            }
            String name = token().toLowerCase(Locale.ROOT);
            skipSpaces();
            if (name.isEmpty() || i >= s.length() || s.charAt(i) != '=') {
                throw new IllegalArgumentException("expected name=value at character " + (i + 1));
            }
            i++;
            skipSpaces();
            boolean quoted = i < s.length() && s.charAt(i) == '"';
            String value = quoted ? quoted() : token();
            if (value.isEmpty() && !quoted) {
                throw new IllegalArgumentException("no value for '" + name + "'");
            }
            if (out.put(name, value) != null) {
                throw new IllegalArgumentException("'" + name + "' is repeated");
            }
            skipSpaces();
            if (i < s.length() && s.charAt(i) != ',') {
                throw new IllegalArgumentException("expected a comma at character " + (i + 1));
            }
        }
    }

    private String token() {
        int start = i;
        while (i < s.length() && isTokenChar(s.charAt(i))) {
            i++;
        }
        return s.substring(start, i);
    }

    private String quoted() {
        StringBuilder b = new StringBuilder();
        i++;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\' && i < s.length()) {
                c = s.charAt(i++);
            }
            b.append(c);
        }
        throw new IllegalArgumentException("unterminated quoted string");
    }

    private void skipSpaces() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
    }

    private static boolean isTokenChar(char c) {
        return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
}
