package io.skitai.was.internal;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.Wrapped;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.Statement;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * PostgreSQL through r2dbc-postgresql: non-blocking, a bounded r2dbc-pool per member of an alias (and
 * user; made on its first statement, idle connections closed after the backend keep-alive, its
 * figures from {@link ConnectionPool#getMetrics()} shown to the {@link PoolWatcher}), {@code ?} placeholders
 * numbered for PostgreSQL, every value a bind parameter. Cancelling a call cancels its statement.
 */
final class PgR2dbcEngine implements SqlEngine {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long a transaction waits for its connection, its BEGIN, COMMIT or ROLLBACK. */
    private static final Duration SESSION_WAIT = Duration.ofSeconds(30);

    private final int maxConnections;
    private final Duration maxIdle;
    private final Map<String, ConnectionPool> pools = new ConcurrentHashMap<>();
    private final PoolWatcher watcher;

    PgR2dbcEngine(int maxConnections, Duration maxIdle, PoolWatcher watcher) {
        this.maxConnections = maxConnections;
        this.maxIdle = maxIdle;
        this.watcher = watcher;
    }

    @Override
    public Transport transport(String sql, Object[] params) {
        String numbered = Placeholders.numbered(sql, params.length);
        return target -> run(pool(target), numbered, params).toFuture();
    }

    @Override
    public SqlSession begin(Target target) throws Exception {
        Connection c = pool(target).create().toFuture().get(SESSION_WAIT.toSeconds(), TimeUnit.SECONDS);
        try {
            Mono.from(c.beginTransaction()).toFuture().get(SESSION_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            discard(c).toFuture().get(SESSION_WAIT.toSeconds(), TimeUnit.SECONDS);
            throw e;
        }
        return new SqlSession() {
            private boolean broken;

            @Override
            public CompletableFuture<io.skitai.was.Result> execute(String sql, Object[] params) {
                return statement(c, Placeholders.numbered(sql, params.length), params)
                        .doOnError(e -> broken |= brokenBy(e)).toFuture();
            }

            @Override
            public void commit() throws Exception {
                Mono.from(c.commitTransaction()).toFuture().get(SESSION_WAIT.toSeconds(), TimeUnit.SECONDS);
            }

            @Override
            public void rollback() {
                try {
                    Mono.from(c.rollbackTransaction()).toFuture().get(SESSION_WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (Exception e) {
                    broken = true;
                }
            }

            @Override
            public void close() {
                (broken ? discard(c) : Mono.from(c.close())).onErrorResume(e -> Mono.empty()).subscribe();
            }
        };
    }

    private ConnectionPool pool(Target target) {
        URI uri = target.uri();
        String user = target.user().orElse("postgres");
        return pools.computeIfAbsent(user + " " + target.poolName(), k -> {
            PostgresqlConnectionConfiguration.Builder config = PostgresqlConnectionConfiguration.builder()
                    .host(uri.getHost()).port(uri.getPort()).username(user)
                    .database(uri.getPath().isEmpty() ? user : uri.getPath().substring(1))
                    .connectTimeout(CONNECT_TIMEOUT);
            target.password().ifPresent(config::password);
            ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(
                    new PostgresqlConnectionFactory(config.build())).initialSize(0).maxSize(maxConnections).maxIdleTime(maxIdle).build());
            watcher.watch(target.poolName(), () -> counts(pool));
            return pool;
        });
    }

    /** What r2dbc-pool counts: connections acquired, idle, and acquisitions waiting. */
    private static io.skitai.core.Metrics.PoolCounts counts(ConnectionPool pool) {
        return pool.getMetrics().map(m -> new io.skitai.core.Metrics.PoolCounts(m.acquiredSize(), m.idleSize(), m.pendingAcquireSize()))
                .orElse(new io.skitai.core.Metrics.PoolCounts(0, 0, 0));
    }

    private static Mono<io.skitai.was.Result> run(ConnectionPool pool, String sql, Object[] params) {
        return Mono.usingWhen(pool.create(), connection -> statement(connection, sql, params), Connection::close,
                (connection, error) -> brokenBy(error) ? discard(connection) : connection.close(),
                PgR2dbcEngine::cancelAndDiscard);
    }

    /**
     * A cancelled call (a dispatch timeout): asks the server to cancel the running statement
     * (PostgreSQL's cancel request, on a connection of its own), then drops the connection. The
     * server would otherwise run the statement to its end: it does not notice a closed client.
     */
    private static Mono<Void> cancelAndDiscard(Connection pooled) {
        Mono<Void> cancel = pooled instanceof Wrapped<?> w && w.unwrap() instanceof PostgresqlConnection real
                ? real.cancelRequest().onErrorResume(e -> Mono.empty()) : Mono.empty();
        return cancel.then(discard(pooled));
    }

    /**
     * Whether {@code error} leaves the connection unusable: lost or closed (SQLSTATE class 08),
     * ended by the server (class 57, such as {@code pg_terminate_backend}), or not from the server
     * at all. A statement's own error (a constraint, a syntax error) keeps the connection.
     */
    private static boolean brokenBy(Throwable error) {
        if (error instanceof R2dbcNonTransientResourceException || !(error instanceof R2dbcException e)) {
            return true;
        }
        String state = e.getSqlState();
        return state == null || state.startsWith("08") || state.startsWith("57");
    }

    /**
     * Closes the connection under the pool's wrapper, then gives the wrapper back: the pool finds it
     * closed and makes a new one, instead of handing a dead connection to the next statement. Also
     * what a cancelled statement (a dispatch timeout) does: its connection may still be busy.
     */
    private static Mono<Void> discard(Connection pooled) {
        Mono<Void> closeReal = pooled instanceof Wrapped<?> w && w.unwrap() instanceof Connection real
                ? Mono.from(real.close()).onErrorResume(e -> Mono.empty()) : Mono.empty();
        return closeReal.then(Mono.from(pooled.close()).onErrorResume(e -> Mono.empty()));
    }

    private static Mono<io.skitai.was.Result> statement(Connection connection, String sql, Object[] params) {
        Statement st = connection.createStatement(sql);
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                st.bindNull(i, String.class);
            } else {
                st.bind(i, params[i]);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        long[] affected = {0};
        return Flux.from(st.execute())
                .concatMap(result -> Flux.from(result.flatMap(segment -> {
                    if (segment instanceof Result.RowSegment r) {
                        rows.add(row(r.row()));
                    } else if (segment instanceof Result.UpdateCount count) {
                        affected[0] += count.value();
                    } else if (segment instanceof Result.Message message && isError(message)) {
                        return Mono.error(message.exception());
                    }
                    return Mono.empty();
                })))
                .then(Mono.fromSupplier(() -> SqlRows.outcome(rows, affected[0])));
    }

    /** An ERROR, FATAL or PANIC response; a NOTICE or WARNING (such as "already exists, skipping") is not. */
    private static boolean isError(Result.Message message) {
        if (message.exception() instanceof PostgresqlException pg) {
            String severity = pg.getErrorDetails().getSeverityNonLocalized() != null
                    ? pg.getErrorDetails().getSeverityNonLocalized() : pg.getErrorDetails().getSeverityLocalized();
            return "ERROR".equals(severity) || "FATAL".equals(severity) || "PANIC".equals(severity);
        }
        return true;
    }

    private static Map<String, Object> row(Row row) {
        Map<String, Object> out = new LinkedHashMap<>();
        var columns = row.getMetadata().getColumnMetadatas();
        for (int i = 0; i < columns.size(); i++) {
            Object v = row.get(i);
            if (v instanceof ByteBuffer b) {
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                v = bytes;
            }
            out.put(columns.get(i).getName(), v);
        }
        return out;
    }

    @Override
    public void close() {
        pools.values().forEach(p -> p.disposeLater().block(Duration.ofSeconds(5)));
        pools.clear();
        watcher.close();
    }
}
