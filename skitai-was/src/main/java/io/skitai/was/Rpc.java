package io.skitai.was;

/**
 * An XML-RPC endpoint ({@code was.rpc(url)}, {@code was.lb().rpc(url)}, {@code was.map().rpc(url)}).
 * Arguments and results map as: {@code int}/{@code i4} ↔ Integer, {@code i8} → Long (a Long in
 * int range is sent as {@code int}), {@code boolean} ↔ Boolean, {@code double} ↔ Double (and other
 * numbers), {@code string} ↔ String, {@code dateTime.iso8601} ↔ LocalDateTime, {@code base64} ↔
 * byte[], {@code struct} ↔ Map with String keys, {@code array} ↔ List (or array), {@code nil} ↔ null.
 * A fault is a result with {@link Result#EXCEPTION} whose exception is a {@link RpcFault}.
 *
 * @param <C> the handle a call returns
 */
@FunctionalInterface
public interface Rpc<C> {

    /** Calls {@code method} with {@code args}; the request leaves now. */
    C call(String method, Object... args);
}
