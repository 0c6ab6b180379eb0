package io.skitai.core.internal.process;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The critical point: samples each worker's CPU use (its CPU time over wall time since the last
 * sample, from {@link ProcessHandle.Info#totalCpuDuration()}) every interval and names the workers
 * that were over the limit in enough consecutive samples.
 */
final class CpuWatch {

    private static final System.Logger LOG = System.getLogger("io.skitai.core");

    private final ProcessSettings.CriticalPoint point;
    private final Map<Long, Sample> last = new HashMap<>();
    private final Map<Long, Integer> over = new HashMap<>();
    private long nextSample;

    CpuWatch(ProcessSettings.CriticalPoint point) {
        this.point = point;
        this.nextSample = System.nanoTime() + point.interval().toNanos();
    }

    private record Sample(long cpuNanos, long wallNanos) {}

    /** When a sample is due, samples {@code workers} and returns the ones to recycle. */
    List<WorkerProcess> check(List<WorkerProcess> workers) {
        long now = System.nanoTime();
        if (now - nextSample < 0) {
            return List.of();
        }
        nextSample = now + point.interval().toNanos();
        Set<Long> alive = new HashSet<>();
        List<WorkerProcess> overloaded = new java.util.ArrayList<>();
        for (WorkerProcess w : workers) {
            alive.add(w.pid());
            long cpu = w.handle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
            if (cpu < 0) {
                continue;
            }
            Sample previous = last.put(w.pid(), new Sample(cpu, now));
            if (previous == null) {
                continue;
            }
            double percent = 100.0 * (cpu - previous.cpuNanos()) / Math.max(1, now - previous.wallNanos());
            int count = percent > point.cpuPercent() ? over.merge(w.pid(), 1, Integer::sum) : 0;
            over.put(w.pid(), count);
            if (count > 0) {
                LOG.log(System.Logger.Level.INFO, "{0} used {1,number,#}% CPU, over the critical point {2} of {3} times",
                        w, percent, count, point.continuous());
            }
            if (count >= point.continuous()) {
                over.put(w.pid(), 0);
                overloaded.add(w);
            }
        }
        last.keySet().retainAll(alive);
        over.keySet().retainAll(alive);
        return overloaded;
    }
}
