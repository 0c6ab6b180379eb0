package io.skitai.was.internal;

import io.skitai.was.Result;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PostgreSQL through pgjdbc. Each member of an alias (and user) has a {@link JdbcPool}, shown to the
 * {@link PoolWatcher}, and {@link StatementThreads}: statements run on at most as many platform
 * threads as the pool has connections, and 2,000 waiting statements wait in line holding no thread.
 * Cancelling a call sends PostgreSQL's cancel request for its statement (or stops its wait).
 */
final class PgJdbcEngine implements SqlEngine {

    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    /** How long a statement or a transaction waits for a free connection. */
    private static final Duration POOL_WAIT = Duration.ofSeconds(30);

    private final int maxConnections;
    private final Duration maxIdle;
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final PoolWatcher watcher;

    PgJdbcEngine(int maxConnections, Duration maxIdle, PoolWatcher watcher) {
        this.maxConnections = maxConnections;
        this.maxIdle = maxIdle;
        this.watcher = watcher;
    }

    @Override
    public Transport transport(String sql, Object[] params) {
        return target -> {
            Member member = member(target);
            JdbcPool pool = member.pool();
            return member.threads().submit((statement, cancelled) -> {
                Connection c = pool.acquire(POOL_WAIT);
                boolean broken = true;
                try {
                    Result r = JdbcStatements.run(c, sql, params, statement::set);
                    broken = false;
                    return r;
                } catch (SQLException e) {
                    broken = brokenBy(e) || cancelled.getAsBoolean();
                    throw e;
                } finally {
                    pool.release(c, broken);
                }
            });
        };
    }

    @Override
    public SqlSession begin(Target target) throws Exception {
        JdbcPool pool = member(target).pool();
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
                return StatementThreads.onVirtualThread((statement, cancelled) -> {
                    try {
                        return JdbcStatements.run(c, sql, params, statement::set);
                    } catch (SQLException e) {
                        broken |= brokenBy(e) || cancelled.getAsBoolean();
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

    /**
     * Whether {@code error} leaves the connection unusable: lost or closed (SQLSTATE class 08),
     * ended by the server (class 57, such as {@code pg_terminate_backend} or a cancel), or no state
     * at all. A statement's own error (a constraint, a syntax error) keeps the connection.
     */
    private static boolean brokenBy(SQLException error) {
        String state = error.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57");
    }

    /** A member's connections and the threads its statements run on. */
    private record Member(JdbcPool pool, StatementThreads threads) {}

    private Member member(Target target) {
        URI uri = target.uri();
        String user = target.user().orElse("postgres");
        return members.computeIfAbsent(user + " " + target.poolName(), k -> {
            String database = uri.getPath().isEmpty() ? user : uri.getPath().substring(1);
            String url = "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + "/" + database;
            Properties props = new Properties();
            props.setProperty("user", user);
            target.password().ifPresent(p -> props.setProperty("password", p));
            props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
            props.setProperty("tcpKeepAlive", "true");
            props.setProperty("ApplicationName", "skitai");
            JdbcPool pool = new JdbcPool(() -> DriverManager.getConnection(url, props), maxConnections, maxIdle);
            StatementThreads threads = new StatementThreads("skitai-pg-" + uri.getPort(), maxConnections);
            watcher.watch(target.poolName(), () -> pool.counts(threads.waiting()));
            return new Member(pool, threads);
        });
    }

    @Override
    public void close() {
        members.values().forEach(m -> {
            m.threads().close();
            m.pool().close();
        });
        members.clear();
        watcher.close();
    }
}
