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
    private final int capacity;
    private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();

    private ResultCache(int maxEntries) {
        this.capacity = Math.max(0, maxEntries);
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
            misses.increment();
            return Optional.empty();
        }
        if (e.stored().isBefore(notBefore)) {
            cache.asMap().remove(key, e);
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
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

    /** Capacity, size now, hits and misses (lookups answered from the cache or not), for the status. */
    public java.util.Map<String, Long> stats() {
        java.util.Map<String, Long> m = new java.util.LinkedHashMap<>();
        m.put("capacity", (long) capacity);
        m.put("size", size());
        m.put("hits", hits.sum());
        m.put("misses", misses.sum());
        return m;
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
