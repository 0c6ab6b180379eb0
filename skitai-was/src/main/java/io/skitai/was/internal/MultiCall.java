package io.skitai.was.internal;

import io.skitai.was.MapCall;
import io.skitai.was.Result;
import io.skitai.was.Results;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link MapCall} over one {@link SingleCall} per member. The members' requests run at once;
 * {@code dispatch(timeout)} gives all of them the same deadline.
 */
public final class MultiCall implements MapCall {

    private final List<SingleCall> calls;
    private volatile Results dispatched;

    private MultiCall(List<SingleCall> calls) {
        this.calls = List.copyOf(calls);
    }

    /** A handle on every member's call, in member order. */
    public static MultiCall of(List<SingleCall> calls) {
        return new MultiCall(calls);
    }

    @Override
    public Results dispatch(Duration timeout, Duration cache, int... cacheIf) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Result> all = new ArrayList<>(calls.size());
        for (SingleCall c : calls) {
            // Each waits only for what is left of the shared deadline, but for its own timeout
            // result reports the whole timeout.
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            Result r = c.dispatch(left.isZero() ? Duration.ofNanos(1) : left, cache, cacheIf);
            all.add(r.status() == Result.TIMEOUT ? Outcomes.timeout(timeout) : r);
        }
        Results results = Results.of(all);
        dispatched = results;
        return results;
    }

    @Override
    public Results dispatchOrThrow(String statusLine, Duration timeout, Duration cache, int... cacheIf) {
        Results rs = dispatch(timeout, cache, cacheIf);
        for (Result r : rs) {
            if (!r.isSuccess()) {
                throw SingleCall.httpError(statusLine, r);
            }
        }
        return rs;
    }

    @Override
    public Results await(Duration timeout) {
        return dispatch(timeout).reraise();
    }

    @Override
    public CompletableFuture<Results> future() {
        List<CompletableFuture<Result>> futures = calls.stream().map(SingleCall::future).toList();
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(v -> Results.of(futures.stream().map(CompletableFuture::join).toList()));
    }

    @Override
    public void cache(Duration ttl) {
        Results rs = dispatched;
        if (rs == null) {
            throw new IllegalStateException("cache(..) before dispatch(..): dispatch the call first");
        }
        rs.cache(ttl);
    }

    @Override
    public String toString() {
        return "MapCall(" + calls.size() + " members)";
    }
}
