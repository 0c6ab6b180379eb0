package io.skitai.was.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.skitai.was.Result;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The metrics of was's calls when the server records metrics ({@link io.skitai.core.Metrics}):
 * {@code skitai.upstream.calls}, a timer per {@code alias} ({@code -} for a URL), {@code member}
 * (host:port), {@code outcome} ({@code normal}, {@code timeout}, {@code exception}) and {@code http}
 * (the answer's status class, or {@code -}); and {@code skitai.cache.results}, the result cache's
 * lookups by {@code result} ({@code hit}, {@code miss}).
 */
final class UpstreamMetrics {

    private static final String[] OUTCOME = {"initial", "timeout", "exception", "normal"};
    private static final String[] HTTP = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    private final MeterRegistry registry;
    /** The timers by their tag values, so a call looks one up instead of building and registering it. */
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    UpstreamMetrics(MeterRegistry registry, ResultCache cache) {
        this.registry = registry;
        FunctionCounter.builder("skitai.cache.results", cache, c -> c.stats().get("hits")).tag("result", "hit")
                .description("result cache lookups").register(registry);
        FunctionCounter.builder("skitai.cache.results", cache, c -> c.stats().get("misses")).tag("result", "miss")
                .description("result cache lookups").register(registry);
    }

    void record(String alias, String member, Result r, long nanos) {
        int status = r.status();
        int code = r.statusCode();
        String outcome = status >= 0 && status < OUTCOME.length ? OUTCOME[status] : "other";
        String http = code >= 100 && code < 600 ? HTTP[code / 100 - 1] : "-";
        timers.computeIfAbsent(alias + '\0' + member + '\0' + outcome + '\0' + http, k -> Timer.builder("skitai.upstream.calls")
                .description("was calls by alias, member, outcome and HTTP status class")
                .tag("alias", alias).tag("member", member).tag("outcome", outcome).tag("http", http)
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }
}
