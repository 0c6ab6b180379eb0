package io.skitai.was;

import io.skitai.core.HttpError;
import java.time.Duration;
import java.util.List;

/**
 * A call to one upstream ({@code was.get}, {@code was.lb().post}, {@code was.rpc(..).call}...),
 * fired when it was made:
 *
 * <pre>{@code
 * Call a = was.get("@members/users/1");       // both requests leave now
 * Call b = was.get("https://example.com/x");
 * Result ra = a.dispatch(5);                   // waits at most 5 s
 * Object b = b.dataOrThrow(5);                  // or a 502 for the client
 * }</pre>
 */
public interface Call extends Handle<Result> {

    /** {@link #dispatchOrThrow(String, Duration)} with 502 Bad Gateway, then its {@link Result#data()}. */
    default Object dataOrThrow(Duration timeout) {
        return dispatchOrThrow(BAD_GATEWAY, timeout).data();
    }

    /** {@link #dataOrThrow(Duration)} in seconds. */
    default Object dataOrThrow(double timeoutSeconds) {
        return dispatchOrThrow(timeoutSeconds).data();
    }

    /** {@link #dataOrThrow(Duration)} with the {@link #DEFAULT_TIMEOUT}. */
    default Object dataOrThrow() {
        return dataOrThrow(DEFAULT_TIMEOUT);
    }

    /** {@link #dataOrThrow(double)}, caching like {@link #dispatch(double, double, int...)}. */
    default Object dataOrThrow(double timeoutSeconds, double cacheSeconds, int... cacheIf) {
        return dispatchOrThrow(BAD_GATEWAY, timeoutSeconds, cacheSeconds, cacheIf).data();
    }

    /**
     * The one item of a list answer (a database row, a search hit): {@link #dataOrThrow(Duration)},
     * then 404 Not Found when the list is empty and 409 Conflict when it holds more than one. An
     * answer that is not a list is returned as it is.
     */
    default Object oneOrThrow(Duration timeout) {
        Object data = dataOrThrow(timeout);
        if (!(data instanceof List<?> list)) {
            return data;
        }
        if (list.isEmpty()) {
            throw HttpError.notFound("no such item");
        }
        if (list.size() > 1) {
            throw new HttpError(409, "more than one item matches");
        }
        return list.get(0);
    }

    /** {@link #oneOrThrow(Duration)} in seconds. */
    default Object oneOrThrow(double timeoutSeconds) {
        return oneOrThrow(Seconds.of(timeoutSeconds));
    }
}
