package io.skitai.core.internal.process;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The process-model settings of a server, frozen when it runs.
 *
 * @param luKeys        declared last-update keys ({@code deflu})
 * @param gsKeys        declared global-state keys ({@code defgs})
 * @param redisUri      keep shared state on this Redis server instead of the mapped file
 * @param criticalPoint recycle workers that stay over a CPU limit
 * @param spareWorker   keep one spare worker booted to replace a worker that dies
 */
public record ProcessSettings(List<String> luKeys, List<String> gsKeys, Optional<String> redisUri,
                              Optional<CriticalPoint> criticalPoint, boolean spareWorker) {

    /** No declared keys, the mapped file, no critical point, a spare worker. */
    public static final ProcessSettings DEFAULTS =
            new ProcessSettings(List.of(), List.of(), Optional.empty(), Optional.empty(), true);

    /** Freezes the lists. */
    public ProcessSettings {
        luKeys = List.copyOf(luKeys);
        gsKeys = List.copyOf(gsKeys);
    }

    /** These settings with more last-update keys. */
    public ProcessSettings withLuKeys(String... keys) {
        return new ProcessSettings(plus(luKeys, keys), gsKeys, redisUri, criticalPoint, spareWorker);
    }

    /** These settings with more global-state keys. */
    public ProcessSettings withGsKeys(String... keys) {
        return new ProcessSettings(luKeys, plus(gsKeys, keys), redisUri, criticalPoint, spareWorker);
    }

    /** These settings with the shared state on Redis at {@code uri} ({@code redis://} or {@code rediss://}). */
    public ProcessSettings withRedis(String uri) {
        if (uri == null || !(uri.startsWith("redis://") || uri.startsWith("rediss://"))) {
            throw new IllegalArgumentException("shareStateOnRedis needs a redis:// or rediss:// URI, got " + uri);
        }
        return new ProcessSettings(luKeys, gsKeys, Optional.of(uri), criticalPoint, spareWorker);
    }

    /** These settings with this critical point (empty: none). */
    public ProcessSettings withCriticalPoint(Optional<CriticalPoint> point) {
        return new ProcessSettings(luKeys, gsKeys, redisUri, point, spareWorker);
    }

    /** These settings with or without a spare worker. */
    public ProcessSettings withSpareWorker(boolean keep) {
        return new ProcessSettings(luKeys, gsKeys, redisUri, criticalPoint, keep);
    }

    private static List<String> plus(List<String> declared, String... keys) {
        LinkedHashSet<String> all = new LinkedHashSet<>(declared);
        for (String k : keys) {
            if (k == null || k.isBlank()) {
                throw new IllegalArgumentException("a shared-state key must not be blank");
            }
            all.add(k);
        }
        return List.copyOf(all);
    }

    /**
     * Python's {@code set_worker_critical_point}: a worker whose CPU use is over {@code cpuPercent}
     * in {@code continuous} consecutive samples, taken every {@code interval}, is replaced.
     */
    public record CriticalPoint(double cpuPercent, int continuous, Duration interval) {

        /** Validates the values. */
        public CriticalPoint {
            if (cpuPercent <= 0 || continuous < 1 || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("setWorkerCriticalPoint needs cpuPercent > 0, continuous >= 1 and"
                        + " an interval > 0 (got " + cpuPercent + ", " + continuous + ", " + interval + ")");
            }
        }
    }
}
