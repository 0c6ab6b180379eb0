package io.skitai.was.internal;

import io.skitai.was.Result;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How long an upstream's answer to a GET may be kept, by its own cache headers, for a shared cache
 * (RFC 9111): {@code no-store}, {@code no-cache}, {@code private} or {@code Vary: *} keep nothing;
 * else {@code s-maxage}, then {@code max-age}, then {@code Expires} minus {@code Date}.
 */
final class HttpCaching {

    private HttpCaching() {}

    /** The time to keep {@code r} ({@link Duration#ZERO}: do not keep it). */
    static Duration ttl(Result r) {
        if (r.status() != Result.NORMAL || r.statusCode() != 200) {
            return Duration.ZERO;
        }
        if (vary(r).contains("*")) {
            return Duration.ZERO;
        }
        String cc = String.join(",", r.headers().getOrDefault("Cache-Control", java.util.List.of()))
                .toLowerCase(Locale.ROOT);
        long maxAge = -1;
        long sMaxAge = -1;
        for (String directive : cc.split(",")) {
            String d = directive.strip();
            if (d.equals("no-store") || d.equals("no-cache") || d.equals("private") || d.startsWith("private=")) {
                return Duration.ZERO;
            }
            if (d.startsWith("s-maxage=")) {
                sMaxAge = seconds(d.substring(9));
            } else if (d.startsWith("max-age=")) {
                maxAge = seconds(d.substring(8));
            }
        }
        if (sMaxAge >= 0) {
            return Duration.ofSeconds(sMaxAge);
        }
        if (maxAge >= 0) {
            return Duration.ofSeconds(maxAge);
        }
        return r.header("Expires").map(e -> expires(e, r.header("Date").orElse(null))).orElse(Duration.ZERO);
    }

    /**
     * Whether a shared cache may answer other callers with {@code r} although the request carried
     * credentials (RFC 9111 3.5): {@code public}, {@code s-maxage} or {@code must-revalidate}.
     */
    static boolean sharable(Result r) {
        for (String directive : String.join(",", r.headers().getOrDefault("Cache-Control", java.util.List.of()))
                .toLowerCase(Locale.ROOT).split(",")) {
            String d = directive.strip();
            if (d.equals("public") || d.startsWith("s-maxage=") || d.equals("must-revalidate")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The request headers {@code r} varies by ({@code Vary}), lower case and sorted; {@code ["*"]}
     * when it varies by anything (then it is never stored).
     */
    static java.util.List<String> vary(Result r) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (String v : r.headers().getOrDefault("Vary", java.util.List.of())) {
            for (String name : v.split(",")) {
                String n = name.strip().toLowerCase(Locale.ROOT);
                if (n.equals("*")) {
                    return java.util.List.of("*");
                }
                if (!n.isEmpty()) {
                    names.add(n);
                }
            }
        }
        return java.util.List.copyOf(names);
    }

    private static long seconds(String v) {
        try {
            return Math.max(0, Long.parseLong(v.replace("\"", "").strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Duration expires(String expires, String date) {
        try {
            ZonedDateTime until = ZonedDateTime.parse(expires, DateTimeFormatter.RFC_1123_DATE_TIME);
            ZonedDateTime now = date == null ? ZonedDateTime.now()
                    : ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(now, until);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (RuntimeException malformed) {
            // An unparsable Expires means "already expired" (RFC 9111 5.3).
            return Duration.ZERO;
        }
    }
}
