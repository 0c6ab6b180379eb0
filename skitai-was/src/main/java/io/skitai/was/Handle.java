package io.skitai.was;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A fired upstream call, waiting to be collected: {@link Call} for one upstream, {@link MapCall}
 * for every member of an alias. The request left when the handle was made; {@code dispatch}
 * waits for its answer, so firing several calls and then dispatching each takes as long as the
 * slowest, not the sum.
 *
 * <p>Waiting parks the calling virtual thread; nothing is pinned and no thread is held per call.
 * On a thread that must not block ({@code Run.threads(0)}), use {@link #future()} with
 * {@code Exchange.async}. Timeouts are counted from the {@code dispatch}; a call that times out
 * is cancelled and dispatches as {@link Result#TIMEOUT} from then on.
 *
 * <p>Python's {@code wait} is {@link #await(double)} here ({@code wait} belongs to {@link Object}).
 *
 * @param <R> what dispatching yields: a {@link Result} or {@link Results}
 */
public interface Handle<R> {

    /** The timeout of the argument-less forms, as in Python: 10 seconds. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** The HTTP error the {@code ...OrThrow} forms raise unless told otherwise. */
    String BAD_GATEWAY = "502 Bad Gateway";

    /**
     * Waits up to {@code timeout} for the answer; if it is {@link Result#NORMAL} with one of the
     * {@code cacheIf} status codes (200 when none are given) and {@code cache} is positive, keeps
     * it in the result cache that long. Never throws for a failed call: look at {@link Result#status()}.
     */
    R dispatch(Duration timeout, Duration cache, int... cacheIf);

    /**
     * {@link #dispatch(Duration, Duration, int...)}, then raises {@code statusLine} (e.g.
     * {@code "500 Internal Server Error"}) as an {@code HttpError} unless every answer is
     * {@link Result#NORMAL} and 2xx. In a route this aborts the request with that status.
     */
    R dispatchOrThrow(String statusLine, Duration timeout, Duration cache, int... cacheIf);

    /**
     * Waits up to {@code timeout} like {@link #dispatch(Duration)} (Python's {@code wait}).
     *
     * @throws UpstreamException unless every answer is {@link Result#NORMAL}
     */
    R await(Duration timeout);

    /**
     * The answer, when it comes, without waiting; never completes exceptionally (a failure is a
     * {@link Result} with {@link Result#EXCEPTION}). No timeout applies: add one with
     * {@code orTimeout} or {@code completeOnTimeout}.
     */
    CompletableFuture<R> future();

    /** Keeps what {@code dispatch} returned in the result cache for {@code ttl} (see {@link Result#cache(Duration)}). */
    void cache(Duration ttl);

    // ---- conveniences --------------------------------------------------------------------

    /** {@link #dispatch(Duration, Duration, int...)} with the {@link #DEFAULT_TIMEOUT}, not cached. */
    default R dispatch() {
        return dispatch(DEFAULT_TIMEOUT);
    }

    /** {@link #dispatch(Duration, Duration, int...)}, not cached. */
    default R dispatch(Duration timeout) {
        return dispatch(timeout, Duration.ZERO);
    }

    /** {@link #dispatch(Duration)} in seconds, e.g. {@code dispatch(2.5)}. */
    default R dispatch(double timeoutSeconds) {
        return dispatch(Seconds.of(timeoutSeconds));
    }

    /** {@link #dispatch(Duration, Duration, int...)} in seconds: {@code dispatch(2, 60, 200, 201)}. */
    default R dispatch(double timeoutSeconds, double cacheSeconds, int... cacheIf) {
        return dispatch(Seconds.of(timeoutSeconds), Seconds.of(cacheSeconds), cacheIf);
    }

    /** {@link #dispatchOrThrow(String, Duration, Duration, int...)} with 502 and the {@link #DEFAULT_TIMEOUT}. */
    default R dispatchOrThrow() {
        return dispatchOrThrow(BAD_GATEWAY, DEFAULT_TIMEOUT);
    }

    /**
     * {@link #dispatchOrThrow(String, Duration, Duration, int...)} with the {@link #DEFAULT_TIMEOUT}:
     * {@code {% set r = was.g().aa.dispatchOrThrow("500 Internal Server Error") %}} in a template.
     */
    default R dispatchOrThrow(String statusLine) {
        return dispatchOrThrow(statusLine, DEFAULT_TIMEOUT);
    }

    /** {@link #dispatchOrThrow(String, Duration, Duration, int...)} with 502 Bad Gateway, not cached. */
    default R dispatchOrThrow(double timeoutSeconds) {
        return dispatchOrThrow(BAD_GATEWAY, timeoutSeconds);
    }

    /** {@link #dispatchOrThrow(String, Duration, Duration, int...)}, not cached. */
    default R dispatchOrThrow(String statusLine, Duration timeout) {
        return dispatchOrThrow(statusLine, timeout, Duration.ZERO);
    }

    /** {@link #dispatchOrThrow(String, Duration)} in seconds, e.g. {@code dispatchOrThrow("500 Internal Server Error", 10)}. */
    default R dispatchOrThrow(String statusLine, double timeoutSeconds) {
        return dispatchOrThrow(statusLine, Seconds.of(timeoutSeconds));
    }

    /** {@link #dispatchOrThrow(String, Duration, Duration, int...)} in seconds. */
    default R dispatchOrThrow(String statusLine, double timeoutSeconds, double cacheSeconds, int... cacheIf) {
        return dispatchOrThrow(statusLine, Seconds.of(timeoutSeconds), Seconds.of(cacheSeconds), cacheIf);
    }

    /** {@link #await(Duration)} with the {@link #DEFAULT_TIMEOUT}. */
    default R await() {
        return await(DEFAULT_TIMEOUT);
    }

    /** {@link #await(Duration)} in seconds. */
    default R await(double timeoutSeconds) {
        return await(Seconds.of(timeoutSeconds));
    }

    /** Waits like {@link #dispatchOrThrow(String, Duration)} and keeps nothing (Python's {@code wait_or_throw}). */
    default void waitOrThrow(String statusLine, Duration timeout) {
        dispatchOrThrow(statusLine, timeout);
    }

    /** {@link #waitOrThrow(String, Duration)} in seconds. */
    default void waitOrThrow(String statusLine, double timeoutSeconds) {
        waitOrThrow(statusLine, Seconds.of(timeoutSeconds));
    }

    /** {@link #waitOrThrow(String, Duration)} with 502 Bad Gateway. */
    default void waitOrThrow(double timeoutSeconds) {
        waitOrThrow(BAD_GATEWAY, timeoutSeconds);
    }

    /** {@link #cache(Duration)} in seconds. */
    default void cache(double seconds) {
        cache(Seconds.of(seconds));
    }
}
