package io.skitai.was.internal;

import io.skitai.was.Result;
import java.util.concurrent.CompletableFuture;

/**
 * One connection held for a transaction: statements in order, then commit or rollback, then close.
 * The blocking methods are called from the request's (virtual) thread.
 */
interface SqlSession {

    /** Runs one statement of the transaction. */
    CompletableFuture<Result> execute(String sql, Object[] params);

    /** Commits; throws what the database said when it refused. */
    void commit() throws Exception;

    /** Rolls back, quietly (the connection is dropped when even that fails). */
    void rollback();

    /** Gives the connection back. */
    void close();
}
