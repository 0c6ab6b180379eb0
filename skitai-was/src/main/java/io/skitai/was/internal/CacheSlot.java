package io.skitai.was.internal;

import java.time.Duration;

/** Where one call's result is cached: a key in a {@link ResultCache}. */
public record CacheSlot(ResultCache cache, String key) {

    /** Stores {@code result} under this key for {@code ttl}. */
    public void put(Outcome result, Duration ttl) {
        cache.put(key, result, ttl);
    }
}
