package io.skitai.core.internal.process;

import java.time.Duration;
import java.util.Optional;

/** Keyed byte values with an expiry, shared as widely as their store reaches (see {@link io.skitai.core.SharedState#value}). */
interface ValueStore {

    Optional<byte[]> get(String key);

    void put(String key, byte[] value, Duration ttl);

    boolean remove(String key);

    /** The milliseconds a time to live stands for (at least one). */
    static long millis(Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a shared value needs a positive time to live, not " + ttl);
        }
        return Math.max(1, ttl.toMillis());
    }
}
