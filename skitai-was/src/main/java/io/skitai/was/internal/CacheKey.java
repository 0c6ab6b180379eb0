package io.skitai.was.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What identifies a call's request for the result cache besides its target: the request itself
 * (method, body digest, Accept) and the headers its caller gave, which decide whose answer it is
 * ({@code Authorization}, {@code Cookie}) and which variant ({@code Vary}).
 *
 * @param request what the call asks (e.g. {@code "GET - application/json"})
 * @param headers the headers the caller gave (not the alias's own credentials), by name in any case
 */
public record CacheKey(String request, Map<String, String> headers) {

    /** Copies the headers into a case-insensitive map. */
    public CacheKey {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** A key for a request whose caller gives no headers (XML-RPC, gRPC). */
    public static CacheKey of(String request) {
        return new CacheKey(request, Map.of());
    }

    /** Whether the request is a GET (whose answer may be kept by its own cache headers). */
    boolean isGet() {
        return request.startsWith("GET ");
    }

    /**
     * A digest of the caller's {@code Authorization} and {@code Cookie} headers, when it gave
     * either: whose answer this is.
     */
    Optional<String> credentials() {
        String auth = headers.get("Authorization");
        String cookie = headers.get("Cookie");
        if (auth == null && cookie == null) {
            return Optional.empty();
        }
        return Optional.of(digest(String.valueOf(auth) + '\0' + String.valueOf(cookie)));
    }

    /** The value of request header {@code name} ({@code ""} when not given). */
    String header(String name) {
        return headers.getOrDefault(name, "").strip();
    }

    /** The first 128 bits of the SHA-256 of {@code text}, in hex. */
    static String digest(String text) {
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The first 128 bits of the SHA-256 of {@code bytes}, in hex. */
    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Never shows header values (they may be credentials). */
    @Override
    public String toString() {
        return "CacheKey[" + request + (credentials().isPresent() ? ", with credentials" : "") + "]";
    }
}
