package io.skitai.core;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code Cache-Control} directives of a request or response (RFC 9111 5.2) and the rules a
 * shared cache reads from response headers: the freshness lifetime and the {@code Vary} names.
 * Written once for the cache file system and was's result cache. Headers are given as a map of
 * name to values; names are matched in any case.
 *
 * @param noStore        {@code no-store}
 * @param noCache        {@code no-cache} (or a request's {@code Pragma: no-cache} without Cache-Control)
 * @param isPrivate      {@code private} (with or without field names)
 * @param isPublic       {@code public}
 * @param mustRevalidate {@code must-revalidate} or {@code proxy-revalidate}
 * @param onlyIfCached   {@code only-if-cached} (a request directive)
 * @param maxAge         {@code max-age} in seconds, -1 when absent
 * @param sMaxAge        {@code s-maxage} in seconds, -1 when absent
 */
public record CacheControl(boolean noStore, boolean noCache, boolean isPrivate, boolean isPublic, boolean mustRevalidate,
        boolean onlyIfCached, long maxAge, long sMaxAge) {

    /** The directives of the {@code Cache-Control} (and, for requests, {@code Pragma}) headers. */
    public static CacheControl of(Map<String, List<String>> headers) {
        List<String> cc = values(headers, "Cache-Control");
        if (cc.isEmpty() && values(headers, "Pragma").stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).contains("no-cache"))) {
            return parse("no-cache");
        }
        return parse(String.join(",", cc));
    }

    /** The directives of one {@code Cache-Control} value (null: none). */
    public static CacheControl parse(String value) {
        boolean noStore = false, noCache = false, priv = false, pub = false, revalidate = false, onlyIfCached = false;
        long maxAge = -1, sMaxAge = -1;
        for (String directive : value == null ? new String[0] : value.toLowerCase(Locale.ROOT).split(",")) {
            String d = directive.strip();
            int eq = d.indexOf('=');
            String name = eq < 0 ? d : d.substring(0, eq).strip();
            String arg = eq < 0 ? "" : d.substring(eq + 1).strip();
            switch (name) {
                case "no-store" -> noStore = true;
                case "no-cache" -> noCache = true;
                case "private" -> priv = true;
                case "public" -> pub = true;
                case "must-revalidate", "proxy-revalidate" -> revalidate = true;
                case "only-if-cached" -> onlyIfCached = true;
                case "max-age" -> maxAge = seconds(arg);
                case "s-maxage" -> sMaxAge = seconds(arg);
                default -> { }
            }
        }
        return new CacheControl(noStore, noCache, priv, pub, revalidate, onlyIfCached, maxAge, sMaxAge);
    }

    /**
     * Whether a shared cache may answer other callers with the response although the request
     * carried credentials (RFC 9111 3.5): {@code public}, {@code s-maxage} or {@code must-revalidate}.
     */
    public boolean sharable() {
        return isPublic || sMaxAge >= 0 || mustRevalidate;
    }

    /**
     * How long a response stays fresh in a shared cache: {@code s-maxage}, else {@code max-age},
     * else {@code Expires} minus {@code Date} (an unparsable Expires means already expired);
     * {@link Duration#ZERO} when none is given (no heuristic freshness).
     */
    public static Duration freshness(Map<String, List<String>> headers) {
        CacheControl cc = of(headers);
        if (cc.sMaxAge >= 0) {
            return Duration.ofSeconds(cc.sMaxAge);
        }
        if (cc.maxAge >= 0) {
            return Duration.ofSeconds(cc.maxAge);
        }
        List<String> expires = values(headers, "Expires");
        if (expires.isEmpty()) {
            return Duration.ZERO;
        }
        List<String> date = values(headers, "Date");
        long until = epochMillis(expires.get(0));
        long now = date.isEmpty() ? System.currentTimeMillis() : epochMillis(date.get(0));
        return until < 0 || now < 0 || until <= now ? Duration.ZERO : Duration.ofMillis(until - now);
    }

    /** Whether the response gives a freshness lifetime of its own ({@code s-maxage}, {@code max-age} or {@code Expires}). */
    public static boolean explicitFreshness(Map<String, List<String>> headers) {
        CacheControl cc = of(headers);
        return cc.sMaxAge >= 0 || cc.maxAge >= 0 || !values(headers, "Expires").isEmpty();
    }

    /**
     * The request headers a response varies by ({@code Vary}), lower case and sorted;
     * {@code ["*"]} when it varies by anything (then no cache may keep it).
     */
    public static List<String> vary(Map<String, List<String>> headers) {
        TreeSet<String> names = new TreeSet<>();
        for (String v : values(headers, "Vary")) {
            for (String name : v.split(",")) {
                String n = name.strip().toLowerCase(Locale.ROOT);
                if (n.equals("*")) {
                    return List.of("*");
                }
                if (!n.isEmpty()) {
                    names.add(n);
                }
            }
        }
        return List.copyOf(names);
    }

    /** An HTTP date (RFC 1123) in milliseconds since the epoch, or -1 when it does not parse. */
    public static long epochMillis(String httpDate) {
        try {
            return ZonedDateTime.parse(httpDate.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (RuntimeException malformed) {
            return -1;
        }
    }

    /** The values of header {@code name}, in any case (empty when absent). */
    static List<String> values(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return List.of();
    }

    private static long seconds(String v) {
        try {
            return Math.max(0, Long.parseLong(v.replace("\"", "").strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
