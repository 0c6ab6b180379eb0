package io.skitai.core.internal.cachefs;

import io.skitai.core.SharedCache;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One kept response: the URL it answers ({@code key}), the values of the request headers its
 * {@code Vary} names ({@code vary}, lower-case names in order), its status, headers and body, and
 * its times in epoch milliseconds: when the request left, when the answer arrived and its age then
 * ({@code initialAge}, RFC 9111 4.2.3's corrected_initial_age).
 *
 * @param key          the absolute upstream URL
 * @param vary         the selecting request-header values, by lower-case name
 * @param status       the status code
 * @param headers      the response headers (case-insensitive names, hop-by-hop ones left out)
 * @param body         the body bytes
 * @param requestTime  when the request was sent
 * @param responseTime when the answer arrived
 * @param initialAge   the age of the answer when it arrived, in milliseconds
 */
record CacheEntry(String key, Map<String, String> vary, int status, Map<String, List<String>> headers, byte[] body,
        long requestTime, long responseTime, long initialAge) {

    /** Freezes the maps (headers case-insensitive). */
    CacheEntry {
        vary = Collections.unmodifiableMap(new TreeMap<>(vary));
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> h.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(h);
    }

    /** The file and memory key of the variant {@code vary} of {@code key}: a SHA-256 in hex. */
    static String id(String key, Map<String, String> vary) {
        StringBuilder b = new StringBuilder(key);
        new TreeMap<>(vary).forEach((name, value) -> b.append('\0').append(name).append('=').append(value));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    String id() {
        return id(key, vary);
    }

    /** Roughly the bytes this entry takes: body, headers, key and a fixed overhead. */
    long weight() {
        long w = 256L + body.length + 2L * key.length();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            for (String v : e.getValue()) {
                w += 2L * (e.getKey().length() + v.length()) + 48;
            }
        }
        for (Map.Entry<String, String> e : vary.entrySet()) {
            w += 2L * (e.getKey().length() + e.getValue().length()) + 48;
        }
        return w;
    }

    /** Its age at {@code now} in milliseconds (RFC 9111 4.2.3's current_age). */
    long ageAt(long now) {
        return initialAge + Math.max(0, now - responseTime);
    }

    /** The same response with {@code newHeaders} and new times (after a 304). */
    CacheEntry refreshed(Map<String, List<String>> newHeaders, long newRequestTime, long newResponseTime, long newInitialAge) {
        return new CacheEntry(key, vary, status, newHeaders, body, newRequestTime, newResponseTime, newInitialAge);
    }

    /** As a response to send, with its headers as kept. */
    SharedCache.Response response() {
        return new SharedCache.Response(status, headers, body);
    }

    @Override
    public String toString() {
        return "CacheEntry[" + status + " " + key + (vary.isEmpty() ? "" : " vary " + vary.keySet()) + ", " + body.length + " bytes]";
    }
}
