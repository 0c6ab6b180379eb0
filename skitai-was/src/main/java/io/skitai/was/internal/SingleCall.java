package io.skitai.was.internal;

import io.skitai.core.HttpError;
import io.skitai.was.Call;
import io.skitai.was.Result;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@link Call} over a future result. A virtual thread waits parked (never pinning its carrier,
 * no lock held) until the answer or the {@link DispatchClock} wakes it; a platform thread waits
 * in {@code CompletableFuture.get} with the timeout.
 */
public final class SingleCall implements Call {

    private final CompletableFuture<Result> answer;
    private final CacheSlot slot;
    private volatile Result dispatched;

    private SingleCall(CompletableFuture<Result> answer, CacheSlot slot) {
        this.answer = answer;
        this.slot = slot;
    }

    /**
     * A handle on {@code source}: its exceptional completion becomes a {@link Result#EXCEPTION}
     * result; results are cacheable under {@code slot} ({@code null}: not cacheable).
     */
    public static SingleCall of(CompletableFuture<Result> source, CacheSlot slot) {
        CompletableFuture<Result> answer = source.handle((r, failure) -> {
            Outcome o = failure != null ? Outcomes.failure(unwrap(failure))
                    : r instanceof Outcome outcome ? outcome : Outcomes.failure(new IllegalStateException("no result"));
            return (Result) o.in(slot);
        });
        // Cancelling the handle's future (at a timeout) cancels the request underneath.
        answer.whenComplete((r, failure) -> {
            if (answer.isCancelled()) {
                source.cancel(true);
            }
        });
        return new SingleCall(answer, slot);
    }

    /** A handle whose result is already known (a cache hit). */
    public static SingleCall done(Outcome result, CacheSlot slot) {
        return new SingleCall(CompletableFuture.completedFuture(result.in(slot)), slot);
    }

    @Override
    public Result dispatch(Duration timeout, Duration cache, int... cacheIf) {
        Result r = await0(timeout);
        if (cache.isPositive() && r.status() == Result.NORMAL && cacheable(r.statusCode(), cacheIf)) {
            r.cache(cache);
        }
        return r;
    }

    @Override
    public Result dispatchOrThrow(String statusLine, Duration timeout, Duration cache, int... cacheIf) {
        Result r = dispatch(timeout, cache, cacheIf);
        if (!r.isSuccess()) {
            throw httpError(statusLine, r);
        }
        return r;
    }

    @Override
    public Result await(Duration timeout) {
        return await0(timeout).reraise();
    }

    @Override
    public CompletableFuture<Result> future() {
        return answer.copy();
    }

    @Override
    public void cache(Duration ttl) {
        Result r = dispatched;
        if (r == null) {
            throw new IllegalStateException("cache(..) before dispatch(..): dispatch the call first");
        }
        r.cache(ttl);
    }

    private Result await0(Duration timeout) {
        Result r = dispatched;
        if (r != null) {
            return r;
        }
        try {
            r = Thread.currentThread().isVirtual() ? awaitOnClock(timeout) : answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            r = Outcomes.timeout(timeout).in(slot);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            r = Outcomes.failure(e).in(slot);
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            r = answer.isCancelled() ? Outcomes.timeout(timeout).in(slot) : Outcomes.failure(unwrap(e)).in(slot);
        }
        dispatched = r;
        return r;
    }

    /** Parks without a timer of its own; {@link DispatchClock} unparks it at the deadline. */
    private Result awaitOnClock(Duration timeout) throws TimeoutException, InterruptedException, ExecutionException {
        if (!answer.isDone()) {
            Thread me = Thread.currentThread();
            DispatchClock.Waiter waiter = DispatchClock.INSTANCE.register(System.nanoTime() + timeout.toNanos());
            answer.whenComplete((r, t) -> LockSupport.unpark(me));
            try {
                while (!answer.isDone()) {
                    if (waiter.expired()) {
                        throw new TimeoutException();
                    }
                    LockSupport.park(this);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
            } finally {
                waiter.finish();
            }
        }
        return answer.get();
    }

    static boolean cacheable(int statusCode, int... cacheIf) {
        if (cacheIf == null || cacheIf.length == 0) {
            return statusCode == 200;
        }
        for (int code : cacheIf) {
            if (code == statusCode) {
                return true;
            }
        }
        return false;
    }

    /** The HTTP error of a failed call: {@code statusLine}, with the failure as its (logged, unsent) cause. */
    static HttpError httpError(String statusLine, Result r) {
        HttpError parsed = HttpError.of(statusLine);
        return new HttpError(parsed.status(), parsed.getMessage(), java.util.Map.of(),
                new io.skitai.was.UpstreamException(r));
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof ExecutionException || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public String toString() {
        Result r = dispatched;
        return "Call(" + (r != null ? r : answer.isDone() ? "answered" : "pending") + ")";
    }
}
