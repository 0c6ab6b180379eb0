package io.skitai.core.internal.cachefs;

import io.skitai.core.CacheControl;
import io.skitai.core.SharedCache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The RFC 9111 rules of the cache file system, as functions of headers and times: what may be
 * stored (3, 3.5), whether a kept response is fresh (4.2) and how old it is (4.2.3), how a 304
 * updates it (4.3.4), when a request's own conditional is answered with a 304 (4.3.2), and which
 * methods invalidate (4.4). Times are epoch milliseconds.
 */
final class CachePolicy {

    /** Statuses heuristically cacheable or otherwise worth keeping (RFC 9110 15.1), less 206. */
    private static final Set<Integer> STATUSES = Set.of(200, 203, 204, 300, 301, 308, 404, 405, 410, 414, 501);
    /** Headers that are not kept: hop-by-hop ones, framing, and Age (computed when served). */
    private static final Set<String> NOT_KEPT = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "content-length", "age");
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** What a 304 carries besides the validators (RFC 9110 15.4.5). */
    private static final List<String> NOT_MODIFIED_HEADERS = List.of("Cache-Control", "Content-Location", "Date", "ETag",
            "Expires", "Vary", "Last-Modified");

    private CachePolicy() {}

    /** The request's directives: {@code Cache-Control}, else {@code Pragma: no-cache}. */
    static CacheControl requestDirectives(Map<String, String> request) {
        String cc = request.get("Cache-Control");
        if (cc == null && request.getOrDefault("Pragma", "").toLowerCase(Locale.ROOT).contains("no-cache")) {
            return CacheControl.parse("no-cache");
        }
        return CacheControl.parse(cc);
    }

    /** Whether the request carries a caller's credentials ({@code Authorization} or {@code Cookie}). */
    static boolean credentialed(Map<String, String> request) {
        return request.containsKey("Authorization") || request.containsKey("Cookie");
    }

    /** Whether an answer to a GET may be kept (see {@link SharedCache#storable}). */
    static boolean storable(int status, Map<String, List<String>> headers, boolean credentialed) {
        if (!STATUSES.contains(status)) {
            return false;
        }
        CacheControl cc = CacheControl.of(headers);
        if (cc.noStore() || cc.isPrivate() || CacheControl.vary(headers).contains("*") || has(headers, "Set-Cookie")) {
            return false;
        }
        if (credentialed && !cc.sharable()) {
            return false;
        }
        return !cc.noCache() && CacheControl.freshness(headers).isPositive() || hasValidator(headers);
    }

    static boolean hasValidator(Map<String, List<String>> headers) {
        return has(headers, "ETag") || has(headers, "Last-Modified");
    }

    private static boolean has(Map<String, List<String>> headers, String name) {
        return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
    }

    /** Whether {@code e} may answer a request with {@code request}'s directives at {@code now} without asking the upstream. */
    static boolean fresh(CacheEntry e, CacheControl request, long now) {
        if (request.noCache() || CacheControl.of(e.headers()).noCache()) {
            return false;
        }
        long age = e.ageAt(now);
        if (request.maxAge() >= 0 && age >= request.maxAge() * 1000) {
            return false;
        }
        return CacheControl.freshness(e.headers()).toMillis() > age;
    }

    /** The age of an answer when it arrived (RFC 9111 4.2.3's corrected_initial_age), in milliseconds. */
    static long initialAge(Map<String, List<String>> headers, long requestTime, long responseTime) {
        long date = first(headers, "Date").map(CacheControl::epochMillis).filter(d -> d >= 0).orElse(responseTime);
        long apparentAge = Math.max(0, responseTime - date);
        long ageValue = first(headers, "Age").map(CachePolicy::seconds).orElse(0L) * 1000;
        long correctedAgeValue = ageValue + Math.max(0, responseTime - requestTime);
        return Math.max(apparentAge, correctedAgeValue);
    }

    /** The headers to keep of an upstream answer. */
    static Map<String, List<String>> kept(Map<String, List<String>> headers) {
        Map<String, List<String>> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                kept.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values);
            }
        });
        return kept;
    }

    /** The kept headers updated by those of a 304 (RFC 9111 4.3.4). */
    static Map<String, List<String>> merged(Map<String, List<String>> stored, Map<String, List<String>> notModified) {
        Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        merged.putAll(stored);
        merged.putAll(kept(notModified));
        return merged;
    }

    /** The conditional headers that revalidate {@code e}. */
    static Map<String, String> validators(CacheEntry e) {
        Map<String, String> v = new LinkedHashMap<>();
        first(e.headers(), "ETag").ifPresent(etag -> v.put("If-None-Match", etag));
        first(e.headers(), "Last-Modified").ifPresent(lm -> v.put("If-Modified-Since", lm));
        return v;
    }

    /** {@code request}'s headers with the client's own validators replaced by those that revalidate the lookup's entry. */
    static Map<String, String> conditional(Map<String, String> request, SharedCache.Lookup lookup) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request);
        headers.remove("If-None-Match");
        headers.remove("If-Modified-Since");
        headers.putAll(lookup.validators());
        return headers;
    }

    /**
     * What to send a request for {@code e} at {@code now}: {@code e} with its {@code Age} and
     * {@code Content-Length}, or a 304 when the request's own validators match it.
     */
    static SharedCache.Response answer(CacheEntry e, long now, Map<String, String> request) {
        long ageSeconds = e.ageAt(now) / 1000;
        if (e.status() == 200 && notModified(e, request)) {
            Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String name : NOT_MODIFIED_HEADERS) {
                List<String> v = e.headers().get(name);
                if (v != null) {
                    h.put(name, v);
                }
            }
            h.put("Age", List.of(Long.toString(ageSeconds)));
            return new SharedCache.Response(304, h, new byte[0]);
        }
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(e.headers());
        h.put("Age", List.of(Long.toString(ageSeconds)));
        h.put("Content-Length", List.of(Integer.toString(e.body().length)));
        return new SharedCache.Response(e.status(), h, e.body());
    }

    /** Whether the request's {@code If-None-Match} (or, without it, {@code If-Modified-Since}) matches {@code e}. */
    static boolean notModified(CacheEntry e, Map<String, String> request) {
        String inm = request.get("If-None-Match");
        if (inm != null) {
            String etag = first(e.headers(), "ETag").map(CachePolicy::weak).orElse(null);
            for (String tag : inm.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || etag != null && weak(t).equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        String ims = request.get("If-Modified-Since");
        if (ims == null) {
            return false;
        }
        long since = CacheControl.epochMillis(ims);
        long modified = first(e.headers(), "Last-Modified").map(CacheControl::epochMillis).orElse(-1L);
        return since >= 0 && modified >= 0 && modified <= since;
    }

    /** Whether a method is unsafe: a success invalidates what is kept for its URL. */
    static boolean unsafe(String method) {
        return !SAFE.contains(method);
    }

    private static String weak(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }

    private static java.util.Optional<String> first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                return java.util.Optional.of(h.getValue().get(0));
            }
        }
        return java.util.Optional.empty();
    }

    private static long seconds(String v) {
        try {
            return Math.max(0, Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
