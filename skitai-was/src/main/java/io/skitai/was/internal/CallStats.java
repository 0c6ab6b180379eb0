package io.skitai.was.internal;

import io.skitai.was.Result;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls made and failed per upstream (an alias member, or the scheme, host and port of an absolute
 * URL), and the failures since its last good answer, for the server status. A call fails when no
 * answer came (refused, reset, TLS refused, cancelled at a dispatch timeout) or the answer was a
 * 5xx: what makes {@code lb()} fail over.
 */
final class CallStats {

    /** The counts of one upstream. */
    static final class Counts {
        private final LongAdder calls = new LongAdder();
        private final LongAdder failed = new LongAdder();
        /** Failed calls since the last call that did not fail. */
        private final java.util.concurrent.atomic.AtomicLong failing = new java.util.concurrent.atomic.AtomicLong();

        long calls() {
            return calls.sum();
        }

        long failed() {
            return failed.sum();
        }

        long consecutiveFailures() {
            return failing.get();
        }

        /** {@code idle} (never called), {@code failing} (the last answered call failed) or {@code ok}. */
        String health() {
            return calls() == 0 ? "idle" : failing.get() > 0 ? "failing" : "ok";
        }
    }

    private final Map<String, Counts> byUpstream = new ConcurrentHashMap<>();

    /** Counts a call to {@code upstream} now and its outcome when {@code answer} completes. */
    CompletableFuture<Result> track(String upstream, CompletableFuture<Result> answer) {
        Counts c = counts(upstream);
        c.calls.increment();
        answer.whenComplete((r, failure) -> {
            if (failure != null || r == null || Failover.retryable(r) || r.status() != Result.NORMAL) {
                c.failed.increment();
                c.failing.incrementAndGet();
            } else {
                c.failing.set(0);
            }
        });
        return answer;
    }

    /** The counts of {@code upstream} (zeros when never called). */
    Counts counts(String upstream) {
        return byUpstream.computeIfAbsent(upstream, k -> new Counts());
    }

    /** Counts of upstreams whose key starts with {@code prefix}, by key without it. */
    Map<String, Map<String, Long>> withPrefix(String prefix) {
        Map<String, Map<String, Long>> out = new java.util.TreeMap<>();
        byUpstream.forEach((k, c) -> {
            if (k.startsWith(prefix)) {
                Map<String, Long> m = new LinkedHashMap<>();
                m.put("calls", c.calls());
                m.put("failed", c.failed());
                out.put(k.substring(prefix.length()), m);
            }
        });
        return out;
    }

    /** The key of a member of an alias. */
    static String memberKey(String alias, String hostPort) {
        return alias + " " + hostPort;
    }

    /** The key prefix of absolute URLs. */
    static final String URL_PREFIX = "url ";
}
