package io.skitai.was;

import java.time.Duration;
import java.util.List;

/**
 * A call to every member of an alias ({@code was.map().get("@search/q")}): each member got the
 * request when the handle was made; {@code dispatch} returns all their results in member order.
 *
 * <pre>{@code
 * Results all = was.map().get("@search/hits?q=mozart").dispatch(2);
 * List<Object> hits = all.data();
 * }</pre>
 */
public interface MapCall extends Handle<Results> {

    /** {@link #dispatchOrThrow(String, Duration)} with 502 Bad Gateway, then every member's data in member order. */
    default List<Object> dataOrThrow(Duration timeout) {
        return dispatchOrThrow(BAD_GATEWAY, timeout).data();
    }

    /** {@link #dataOrThrow(Duration)} in seconds. */
    default List<Object> dataOrThrow(double timeoutSeconds) {
        return dispatchOrThrow(timeoutSeconds).data();
    }
}
