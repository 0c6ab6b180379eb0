package io.skitai.was.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.skitai.was.Result;
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

    private final MeterRegistry registry;

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
        Timer.builder("skitai.upstream.calls").description("was calls by alias, member, outcome and HTTP status class")
                .tag("alias", alias).tag("member", member)
                .tag("outcome", status >= 0 && status < OUTCOME.length ? OUTCOME[status] : "other")
                .tag("http", code >= 100 && code < 600 ? code / 100 + "xx" : "-")
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
}
