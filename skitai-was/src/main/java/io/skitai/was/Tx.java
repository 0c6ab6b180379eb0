package io.skitai.was;

/**
 * The statements of one database transaction ({@link UpstreamCalls#transaction}): all run on one
 * connection of one member, in the order their calls are made.
 */
@FunctionalInterface
public interface Tx {

    /** Runs {@code sql} with {@code params} bound to its {@code ?} placeholders (see {@link Sql}). */
    Call execute(String sql, Object... params);
}
