package io.skitai.was.internal;

/** Runs SQL on one kind of database: a {@link Transport} per statement, bound parameters only. */
interface SqlEngine extends AutoCloseable {

    /** A transport running {@code sql} ({@code ?} placeholders) with {@code params} on a member. */
    Transport transport(String sql, Object[] params);

    /** Opens a transaction on {@code target}'s member (blocks until it has a connection). */
    SqlSession begin(Target target) throws Exception;

    @Override
    void close();
}
