package io.skitai.core.internal.process;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Optional;

/** Shared values of a single process: in memory, each expiring after its own time to live. */
final class MemoryValues implements ValueStore {

    private record Entry(byte[] value, long ttlNanos) {}

    private final Cache<String, Entry> values = Caffeine.newBuilder()
            .expireAfter(Expiry.<String, Entry>writing((key, e) -> Duration.ofNanos(e.ttlNanos()))).build();

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(values.getIfPresent(key)).map(e -> e.value().clone());
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        values.put(key, new Entry(value.clone(), ValueStore.millis(ttl) * 1_000_000L));
    }

    @Override
    public boolean remove(String key) {
        return values.asMap().remove(key) != null;
    }
}
