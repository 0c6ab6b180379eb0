package io.skitai.was.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The result cache of one server ({@code setMaxRcache(n)}): at most {@code n} results, each kept
 * for its own time to live, least recently used evicted first. {@code n == 0} turns it off. Whose
 * answer may be kept where is {@link CacheSlot}'s decision.
 */
public final class ResultCache {

    /** A result, or (with {@code vary}) the marker saying which request headers select its variants. */
    private record Entry(Outcome result, Instant stored, long ttlNanos, List<String> vary) {}

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
     * The result cached under {@code key} for a request whose headers are {@code header} (a
     * result that varies by request headers is found only for the same values), unless it was
     * stored before {@code notBefore} (then it is dropped: the data it came from has changed since).
     */
    public Optional<Outcome> get(String key, UnaryOperator<String> header, Instant notBefore) {
        if (cache == null) {
            return Optional.empty();
        }
        String at = key;
        Entry e = cache.getIfPresent(at);
        if (e != null && !e.vary().isEmpty()) {
            at = variant(key, e.vary(), header);
            e = cache.getIfPresent(at);
        }
        if (e == null || e.result() == null) {
            misses.increment();
            return Optional.empty();
        }
        if (e.stored().isBefore(notBefore)) {
            cache.asMap().remove(at, e);
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(e.result());
    }

    /**
     * Keeps {@code result} under {@code key} for {@code ttl}; when it varies by the request headers
     * {@code vary} (lower case), as the variant for the values {@code header} gives them.
     */
    public void put(String key, Outcome result, List<String> vary, UnaryOperator<String> header, Duration ttl) {
        if (cache == null || !ttl.isPositive()) {
            return;
        }
        Instant now = Instant.now();
        if (vary.isEmpty()) {
            cache.put(key, new Entry(result, now, ttl.toNanos(), List.of()));
            return;
        }
        cache.put(key, new Entry(null, now, ttl.toNanos(), List.copyOf(vary)));
        cache.put(variant(key, vary, header), new Entry(result, now, ttl.toNanos(), List.of()));
    }

    private static String variant(String key, List<String> vary, UnaryOperator<String> header) {
        StringBuilder b = new StringBuilder(key).append(" vary");
        for (String name : vary) {
            b.append('\0').append(name).append('=').append(header.apply(name));
        }
        return b.toString();
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
