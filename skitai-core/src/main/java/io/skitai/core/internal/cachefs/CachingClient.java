package io.skitai.core.internal.cachefs;

import io.skitai.core.SharedCache;
import io.skitai.core.UpstreamClient;
import io.skitai.core.UpstreamRequest;
import io.skitai.core.UpstreamResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An {@link UpstreamClient} with the cache file system in front ({@link SharedCache#client}): a
 * fresh kept answer to a GET comes back without a request, a stale one with validators is asked
 * for conditionally (a 304 gives the kept answer back, refreshed), a storable answer is kept, and
 * an unsafe request that succeeds invalidates its URL. Lookups run on the cache's virtual threads,
 * never on the caller's. Cancelling the returned future cancels the request under way.
 */
final class CachingClient implements UpstreamClient {

    private final SharedCache cache;
    private final java.util.concurrent.Executor executor;
    private final UpstreamClient client;

    CachingClient(CachefsStore cache, UpstreamClient client) {
        this.cache = cache;
        this.executor = cache.executor();
        this.client = client;
    }

    @Override
    public CompletableFuture<UpstreamResponse> send(UpstreamRequest request) {
        if (!"GET".equals(request.method())) {
            return client.send(request).whenComplete((r, failure) -> {
                if (r != null) {
                    cache.invalidateAfter(request.method(), request.uri(), r.status());
                }
            });
        }
        CompletableFuture<UpstreamResponse> answer = new CompletableFuture<>();
        AtomicReference<CompletableFuture<UpstreamResponse>> inFlight = new AtomicReference<>();
        answer.whenComplete((r, t) -> {
            CompletableFuture<UpstreamResponse> sent = inFlight.get();
            if (answer.isCancelled() && sent != null) {
                sent.cancel(false);
            }
        });
        CompletableFuture.supplyAsync(() -> cache.lookup("GET", request.uri(), request.headers()), executor)
                .thenAccept(lookup -> answer(lookup, request, answer, inFlight))
                .exceptionally(failure -> {
                    answer.completeExceptionally(failure);
                    return null;
                });
        return answer;
    }

    private void answer(SharedCache.Lookup lookup, UpstreamRequest request, CompletableFuture<UpstreamResponse> answer,
            AtomicReference<CompletableFuture<UpstreamResponse>> inFlight) {
        switch (lookup.kind()) {
            case HIT -> answer.complete(upstreamResponse(lookup.response().orElseThrow()));
            case UNSATISFIABLE -> answer.complete(new UpstreamResponse(504, "HTTP/1.1", Map.of(), new byte[0]));
            default -> {
                if (answer.isDone()) {
                    return;
                }
                UpstreamRequest asked = request;
                if (lookup.kind() == SharedCache.Kind.REVALIDATE) {
                    asked = UpstreamRequest.of("GET", request.uri(), CachePolicy.conditional(request.headers(), lookup));
                }
                Instant sentAt = Instant.now();
                CompletableFuture<UpstreamResponse> sent = client.send(asked);
                inFlight.set(sent);
                sent.whenComplete((r, failure) -> {
                    if (failure != null) {
                        answer.completeExceptionally(failure);
                    } else {
                        answer.complete(received(lookup, r, sentAt, Instant.now()));
                    }
                });
            }
        }
    }

    private UpstreamResponse received(SharedCache.Lookup lookup, UpstreamResponse r, Instant sentAt, Instant receivedAt) {
        if (lookup.kind() == SharedCache.Kind.REVALIDATE && r.status() == 304) {
            return upstreamResponse(cache.revalidated(lookup, r.headers(), sentAt, receivedAt));
        }
        cache.store(lookup, new SharedCache.Response(r.status(), r.headers(), r.body()), sentAt, receivedAt);
        return r;
    }

    private static UpstreamResponse upstreamResponse(SharedCache.Response r) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(r.headers());
        return new UpstreamResponse(r.status(), "HTTP/1.1", headers, r.body());
    }

    @Override
    public String toString() {
        return "CachingClient(" + cache + " over " + client + ")";
    }
}
