package io.skitai.was.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pool of JDBC connections to one database member: at most {@code max} connections, busy
 * or idle; more callers wait (fairly) for one to come back. A connection is opened on the caller's
 * own thread, so a member that cannot be reached fails that caller at once with the driver's
 * connect error (lb fail-over needs it; HikariCP's creator thread would retry until its borrow
 * timeout instead). Idle connections
 * close after {@code maxIdle}; a connection its statement found broken is closed, not reused.
 */
final class JdbcPool implements AutoCloseable {

    /** Opens a new connection. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private record Idle(Connection connection, long since) {}

    private final Opener opener;
    private final int max;
    private final Semaphore permits;
    private final long maxIdleNanos;
    private final Deque<Idle> idle = new ConcurrentLinkedDeque<>();
    private final Thread sweeper;
    private volatile boolean closed;

    JdbcPool(Opener opener, int max, Duration maxIdle) {
        this.opener = opener;
        this.max = max;
        this.permits = new Semaphore(max, true);
        this.maxIdleNanos = maxIdle.toNanos();
        this.sweeper = Thread.ofVirtual().name("skitai-jdbc-sweeper").start(this::sweep);
    }

    /** A connection, waiting up to {@code wait} for one to be free. */
    Connection acquire(Duration wait) throws SQLException, InterruptedException {
        if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new SQLTransientConnectionException("no database connection was free within " + wait.toSeconds() + " s");
        }
        try {
            Idle last = idle.pollFirst();
            if (last != null) {
                return last.connection();
            }
            if (closed) {
                throw new SQLTransientConnectionException("the database pool is closed");
            }
            return opener.open();
        } catch (SQLException | RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    /** Gives back a connection from {@link #acquire}; a broken one is closed. */
    void release(Connection connection, boolean broken) {
        if (broken || closed) {
            quietlyClose(connection);
        } else {
            idle.offerFirst(new Idle(connection, System.nanoTime()));
        }
        permits.release();
    }

    /**
     * The pool's figures now: connections held by callers (being opened included), idle ones, and
     * callers waiting for one plus {@code queued} statements not yet calling (the pool gauges read them).
     */
    io.skitai.core.Metrics.PoolCounts counts(int queued) {
        return new io.skitai.core.Metrics.PoolCounts(max - permits.availablePermits(), idle.size(),
                permits.getQueueLength() + queued);
    }

    /** Closes connections idle for longer than the limit, oldest first, every half limit. */
    private void sweep() {
        long pause = Math.max(TimeUnit.MILLISECONDS.toNanos(100), maxIdleNanos / 2);
        while (!closed) {
            try {
                TimeUnit.NANOSECONDS.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            Idle oldest;
            while ((oldest = idle.peekLast()) != null && System.nanoTime() - oldest.since() > maxIdleNanos) {
                if (idle.removeLastOccurrence(oldest)) {
                    quietlyClose(oldest.connection());
                }
            }
        }
    }

    private static void quietlyClose(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is gone either way
        }
    }

    @Override
    public void close() {
        closed = true;
        sweeper.interrupt();
        Idle each;
        while ((each = idle.pollFirst()) != null) {
            quietlyClose(each.connection());
        }
    }
}
