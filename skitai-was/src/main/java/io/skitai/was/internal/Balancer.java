package io.skitai.was.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Smooth weighted round robin (as nginx's): over any window of total-weight picks each member is
 * chosen weight times, interleaved rather than in runs. {@link #order()} puts the chosen member
 * first and the others after it, for fail-over. A {@link ReentrantLock} (not {@code synchronized})
 * guards the counters, so virtual threads never pin on it.
 */
final class Balancer {

    private final int[] weights;
    private final int[] current;
    private final int total;
    private final ReentrantLock lock = new ReentrantLock();

    Balancer(List<Integer> weights) {
        this.weights = weights.stream().mapToInt(Integer::intValue).toArray();
        this.current = new int[this.weights.length];
        this.total = weights.stream().mapToInt(Integer::intValue).sum();
    }

    /** The index of the next member. */
    int next() {
        if (weights.length == 1) {
            return 0;
        }
        lock.lock();
        try {
            int best = 0;
            for (int i = 0; i < weights.length; i++) {
                current[i] += weights[i];
                if (current[i] > current[best]) {
                    best = i;
                }
            }
            current[best] -= total;
            return best;
        } finally {
            lock.unlock();
        }
    }

    /** Member indexes to try: the next pick first, then the rest in member order after it. */
    List<Integer> order() {
        int first = next();
        List<Integer> order = new ArrayList<>(weights.length);
        for (int i = 0; i < weights.length; i++) {
            order.add((first + i) % weights.length);
        }
        return order;
    }
}
