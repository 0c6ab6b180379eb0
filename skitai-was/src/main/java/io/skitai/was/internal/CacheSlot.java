package io.skitai.was.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where one call's result is looked up and kept in a {@link ResultCache}, as a shared cache must
 * (RFC 9111 3.5): a request without the caller's credentials uses the plain key; one with them
 * ({@code Authorization} or {@code Cookie} given by the caller) finds only answers kept for the
 * same credentials (an explicit {@code cache(..)}) or answers its upstream marked sharable
 * ({@code public}, {@code s-maxage}, {@code must-revalidate}). {@code Vary} selects the variant.
 */
public final class CacheSlot {

    private final ResultCache cache;
    private final CacheKey request;
    private final String key;
    private final Optional<String> credentials;

    CacheSlot(ResultCache cache, CacheKey request, String target) {
        this.cache = cache;
        this.request = request;
        this.key = request.request() + " " + target;
        this.credentials = request.credentials();
    }

    /** A result kept for this request and not older than {@code notBefore}. */
    Optional<Outcome> lookup(Instant notBefore) {
        if (credentials.isEmpty()) {
            return cache.get(key, request::header, notBefore);
        }
        Optional<Outcome> own = cache.get(privateKey(), request::header, notBefore);
        return own.isPresent() ? own : cache.get(sharedKey(), request::header, notBefore);
    }

    /**
     * Keeps {@code result} for {@code ttl} because the caller asked to ({@code dispatch(.., cache)},
     * {@code result.cache(..)}): under the caller's credentials when the request carried them.
     */
    public void put(Outcome result, Duration ttl) {
        store(credentials.isPresent() ? privateKey() : key, result, ttl);
    }

    /**
     * Keeps the answer to a GET as long as its own cache headers allow a shared cache to; an
     * answer to a request with credentials only when the upstream marked it sharable.
     */
    void putByHeaders(Outcome result) {
        if (!request.isGet()) {
            return;
        }
        Duration ttl = HttpCaching.ttl(result);
        if (!ttl.isPositive() || credentials.isPresent() && !HttpCaching.sharable(result)) {
            return;
        }
        store(credentials.isPresent() ? sharedKey() : key, result, ttl);
    }

    private void store(String where, Outcome result, Duration ttl) {
        List<String> vary = HttpCaching.vary(result);
        if (!vary.contains("*")) {
            cache.put(where, result.in(this), vary, request::header, ttl);
        }
    }

    private String privateKey() {
        return key + " credentials " + credentials.orElseThrow();
    }

    private String sharedKey() {
        return key + " credentials shared";
    }

    @Override
    public String toString() {
        return "CacheSlot[" + request + "]";
    }
}
