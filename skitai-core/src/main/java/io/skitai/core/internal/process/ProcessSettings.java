package io.skitai.core.internal.process;

import java.time.Duration;
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

    /** Freezes the lists. */
    public ProcessSettings {
        luKeys = List.copyOf(luKeys);
        gsKeys = List.copyOf(gsKeys);
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
