package io.skitai.was.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The result cache of one server ({@code setMaxRcache(n)}): at most {@code n} results, each kept
 * for its own time to live, least recently used evicted first. {@code n == 0} turns it off.
 */
public final class ResultCache {

    private record Entry(Outcome result, Instant stored, long ttlNanos) {}

    private final Cache<String, Entry> cache;

    private ResultCache(int maxEntries) {
        this.cache = maxEntries <= 0 ? null : Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(Expiry.<String, Entry>creating((key, entry) -> Duration.ofNanos(entry.ttlNanos())))
                .build();
    }

    /** A cache of at most {@code maxEntries} results (0: off). */
    public static ResultCache of(int maxEntries) {
        return new ResultCache(maxEntries);
    }

    /** Whether results are cached at all. */
    public boolean enabled() {
        return cache != null;
    }

    /**
     * The result cached under {@code key}, unless it was stored before {@code notBefore} (then it is
     * dropped: the data it came from has changed since).
     */
    public Optional<Outcome> get(String key, Instant notBefore) {
        if (cache == null) {
            return Optional.empty();
        }
        Entry e = cache.getIfPresent(key);
        if (e == null) {
            return Optional.empty();
        }
        if (e.stored().isBefore(notBefore)) {
            cache.asMap().remove(key, e);
            return Optional.empty();
        }
        return Optional.of(e.result());
    }

    /** Keeps {@code result} under {@code key} for {@code ttl}. */
    public void put(String key, Outcome result, Duration ttl) {
        if (cache != null && ttl.isPositive()) {
            cache.put(key, new Entry(result, Instant.now(), ttl.toNanos()));
        }
    }

    /** Forgets {@code key}. */
    public void remove(String key) {
        if (cache != null) {
            cache.invalidate(key);
        }
    }

    /** How many results are cached now. */
    public long size() {
        if (cache == null) {
            return 0;
        }
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
