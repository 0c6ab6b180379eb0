package io.skitai.was.internal;

import io.skitai.was.Result;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;

/**
 * PostgreSQL through pgjdbc, each statement on a virtual thread of its own: the thread parks in the
 * JDK's poller while PostgreSQL works, so 2,000 waiting statements hold no platform thread each.
 * One {@link JdbcPool} per member of an alias (and user), shown to the {@link PoolWatcher}.
 * Cancelling a call sends PostgreSQL's cancel request for its statement (or stops its wait for a
 * connection).
 */
final class PgJdbcEngine implements SqlEngine {

    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    /** How long a statement or a transaction waits for a free connection. */
    private static final Duration POOL_WAIT = Duration.ofSeconds(30);
    private static final ThreadFactory STATEMENTS = Thread.ofVirtual().name("skitai-pg-", 0).factory();

    private final int maxConnections;
    private final Duration maxIdle;
    private final Map<String, JdbcPool> pools = new ConcurrentHashMap<>();
    private final PoolWatcher watcher;

    PgJdbcEngine(int maxConnections, Duration maxIdle, PoolWatcher watcher) {
        this.maxConnections = maxConnections;
        this.maxIdle = maxIdle;
        this.watcher = watcher;
    }

    @Override
    public Transport transport(String sql, Object[] params) {
        return target -> {
            JdbcPool pool = pool(target);
            return onVirtualThread((statement, cancelled) -> {
                Connection c = pool.acquire(POOL_WAIT);
                boolean broken = true;
                try {
                    Result r = JdbcStatements.run(c, sql, params, statement::set);
                    broken = false;
                    return r;
                } catch (SQLException e) {
                    broken = brokenBy(e) || cancelled.get();
                    throw e;
                } finally {
                    pool.release(c, broken);
                }
            });
        };
    }

    @Override
    public SqlSession begin(Target target) throws Exception {
        JdbcPool pool = pool(target);
        Connection c = pool.acquire(POOL_WAIT);
        try {
            c.setAutoCommit(false);
        } catch (SQLException e) {
            pool.release(c, true);
            throw e;
        }
        return new SqlSession() {
            private volatile boolean broken;

            @Override
            public CompletableFuture<Result> execute(String sql, Object[] params) {
                return onVirtualThread((statement, cancelled) -> {
                    try {
                        return JdbcStatements.run(c, sql, params, statement::set);
                    } catch (SQLException e) {
                        broken |= brokenBy(e) || cancelled.get();
                        throw e;
                    }
                });
            }

            @Override
            public void commit() throws SQLException {
                c.commit();
            }

            @Override
            public void rollback() {
                try {
                    c.rollback();
                } catch (SQLException e) {
                    broken = true;
                }
            }

            @Override
            public void close() {
                try {
                    if (!broken) {
                        c.setAutoCommit(true);
                    }
                } catch (SQLException e) {
                    broken = true;
                }
                pool.release(c, broken);
            }
        };
    }

    /** A statement's work, told where to put its JDBC statement (for a cancel) and whether it was cancelled. */
    @FunctionalInterface
    private interface Work {
        Result run(AtomicReference<Statement> statement, java.util.concurrent.atomic.AtomicBoolean cancelled) throws Exception;
    }

    /**
     * Runs {@code work} on a new virtual thread; cancelling the future cancels the running statement
     * on the server (or interrupts the wait for a connection, before there is one).
     */
    private static CompletableFuture<Result> onVirtualThread(Work work) {
        AtomicReference<Statement> statement = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        CompletableFuture<Result> answer = new CompletableFuture<>();
        Thread thread = STATEMENTS.newThread(() -> {
            try {
                answer.complete(work.run(statement, cancelled));
            } catch (Exception e) {
                answer.completeExceptionally(e);
            }
        });
        answer.whenComplete((r, e) -> {
            if (answer.isCancelled()) {
                cancelled.set(true);
                cancel(statement.get(), thread);
            }
        });
        thread.start();
        return answer;
    }

    private static void cancel(Statement running, Thread thread) {
        if (running == null) {
            thread.interrupt();
            return;
        }
        try {
            running.cancel();
        } catch (SQLException ignored) {
            // the statement ended meanwhile, or the server cannot be reached: nothing to cancel
        }
    }

    /**
     * Whether {@code error} leaves the connection unusable: lost or closed (SQLSTATE class 08),
     * ended by the server (class 57, such as {@code pg_terminate_backend} or a cancel), or no state
     * at all. A statement's own error (a constraint, a syntax error) keeps the connection.
     */
    private static boolean brokenBy(SQLException error) {
        String state = error.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57");
    }

    private JdbcPool pool(Target target) {
        URI uri = target.uri();
        String user = target.user().orElse("postgres");
        return pools.computeIfAbsent(user + " " + target.poolName(), k -> {
            String database = uri.getPath().isEmpty() ? user : uri.getPath().substring(1);
            String url = "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + "/" + database;
            Properties props = new Properties();
            props.setProperty("user", user);
            target.password().ifPresent(p -> props.setProperty("password", p));
            props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
            props.setProperty("tcpKeepAlive", "true");
            props.setProperty("ApplicationName", "skitai");
            JdbcPool pool = new JdbcPool(() -> DriverManager.getConnection(url, props), maxConnections, maxIdle);
            watcher.watch(target.poolName(), pool::counts);
            return pool;
        });
    }

    @Override
    public void close() {
        pools.values().forEach(JdbcPool::close);
        pools.clear();
        watcher.close();
    }
}
