package io.skitai.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a request path below a static mount point, checked before the file system is
 * touched. Works on the path as Undertow hands it over: percent-decoded exactly once (UTF-8), with
 * {@code %2F} left encoded. It is never decoded again, so a double-encoded {@code %252e%252e}
 * arrives here as the harmless literal name {@code %2e%2e}.
 *
 * <p>Verdicts:
 * <ul>
 *   <li>{@link Verdict#MALFORMED} (answered 400): a segment that is {@code .} or {@code ..} (also
 *       with a {@code ;parameter} tail, as in {@code ..;}), or that holds a backslash, NUL or any
 *       other control character, the replacement character left by invalid or overlong UTF-8
 *       ({@code %c0%ae}), or an encoded slash or backslash left undecoded ({@code %2F},
 *       {@code %5C});</li>
 *   <li>{@link Verdict#HIDDEN}: a segment starting with a dot (dotfiles and dot-directories);</li>
 *   <li>{@link Verdict#NOT_FOUND}: an empty segment ({@code a//b}), which names no file;</li>
 *   <li>{@link Verdict#OK}: the segments may be resolved under the root.</li>
 * </ul>
 *
 * @param verdict   what may be done with the path
 * @param segments  the path's segments (only for {@link Verdict#OK})
 * @param directory whether the path ends with a slash (the mount point itself, {@code ""}, does
 *                  not: it is redirected to the slash form like any other directory)
 */
record StaticPath(Verdict verdict, List<String> segments, boolean directory) {

    /** What a path may be used for. */
    enum Verdict { OK, MALFORMED, HIDDEN, NOT_FOUND }

    private static final StaticPath MALFORMED_PATH = new StaticPath(Verdict.MALFORMED, List.of(), false);
    private static final StaticPath HIDDEN_PATH = new StaticPath(Verdict.HIDDEN, List.of(), false);
    private static final StaticPath NOT_FOUND_PATH = new StaticPath(Verdict.NOT_FOUND, List.of(), false);

    /**
     * Checks the path below a mount point: {@code ""} (the mount point itself) or a path starting
     * with a slash.
     */
    static StaticPath parse(String below) {
        if (below.isEmpty()) {
            return new StaticPath(Verdict.OK, List.of(), false);
        }
        if (below.charAt(0) != '/') {
            return MALFORMED_PATH;
        }
        List<String> segments = new ArrayList<>();
        boolean hidden = false;
        boolean empty = false;
        int start = 1;
        int n = below.length();
        while (start < n) {
            int slash = below.indexOf('/', start);
            int end = slash < 0 ? n : slash;
            String segment = below.substring(start, end);
            if (segment.isEmpty()) {
                empty = true;
            } else if (isMalformed(segment)) {
                return MALFORMED_PATH;
            } else if (segment.charAt(0) == '.') {
                hidden = true;
            }
            segments.add(segment);
            start = end + 1;
        }
        if (hidden) {
            return HIDDEN_PATH;
        }
        if (empty) {
            return NOT_FOUND_PATH;
        }
        return new StaticPath(Verdict.OK, List.copyOf(segments), below.charAt(n - 1) == '/');
    }

    private static boolean isMalformed(String segment) {
        int semicolon = segment.indexOf(';');
        String name = semicolon < 0 ? segment : segment.substring(0, semicolon);
        if (name.equals(".") || name.equals("..")) {
            return true;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == '\uFFFD') {
                return true;
            }
            if (c == '%' && i + 2 < segment.length() && isEncodedSeparator(segment.charAt(i + 1), segment.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEncodedSeparator(char hi, char lo) {
        char l = Character.toLowerCase(lo);
        return (hi == '2' && l == 'f') || (hi == '5' && l == 'c') || (hi == '0' && l == '0');
    }

    /**
     * Percent-encodes a decoded URL path for a {@code Location} header: unreserved characters and
     * the sub-delimiters that are safe in a path stay, everything else (including {@code %},
     * {@code ?}, {@code #}, {@code ;} and non-ASCII) is encoded as UTF-8.
     */
    static String encodePath(String decoded) {
        StringBuilder b = new StringBuilder(decoded.length() + 16);
        for (byte x : decoded.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "/-._~!$&'()*+,=:@".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
