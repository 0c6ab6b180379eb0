package io.skitai.was;

/**
 * Which driver {@code was} talks to PostgreSQL with ({@link WasSettings#POSTGRESQL_DRIVER}). Both
 * keep the same calls, pool bound, cancel-on-timeout and thread bound: a waiting statement holds
 * no platform thread of its own.
 */
public enum PostgresDriver {

    /**
     * pgjdbc ({@code org.postgresql:postgresql}), each statement on a virtual thread of its own
     * that parks in the JDK's poller while PostgreSQL works. The default: measured in
     * {@code benchmarks/db.sh}, it costs less CPU per statement than r2dbc's extra event loop.
     */
    PGJDBC,

    /**
     * r2dbc-postgresql with r2dbc-pool ({@code org.postgresql:r2dbc-postgresql},
     * {@code io.r2dbc:r2dbc-pool}): non-blocking on Netty's event loop.
     */
    R2DBC
}
