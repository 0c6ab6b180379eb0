package io.skitai.was;

/**
 * Which driver {@code was} talks to PostgreSQL with ({@link WasSettings#POSTGRESQL_DRIVER}). Both
 * keep the same calls, pool bound, cancel-on-timeout and thread bound: a statement waiting for a
 * connection holds no platform thread of its own.
 */
public enum PostgresDriver {

    /**
     * pgjdbc ({@code org.postgresql:postgresql}), each statement on one of a member's platform
     * threads, at most one per connection of its pool ({@link WasSettings#MAX_DB_CONNECTIONS}),
     * blocking on its connection while PostgreSQL works; more statements wait in line without a
     * thread. A transaction's statements run on virtual threads. The default: measured in
     * {@code benchmarks/db.sh}, it costs less CPU per statement than r2dbc, and than pgjdbc with
     * HikariCP on the request's own virtual thread.
     */
    PGJDBC,

    /**
     * r2dbc-postgresql with r2dbc-pool ({@code org.postgresql:r2dbc-postgresql},
     * {@code io.r2dbc:r2dbc-pool}): non-blocking on Netty's event loop.
     */
    R2DBC
}
