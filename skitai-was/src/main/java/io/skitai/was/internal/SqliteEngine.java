package io.skitai.was.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * SQLite through xerial's JDBC driver on a small bounded executor ({@value #THREADS} platform
 * threads per server: SQLite blocks, and more threads only wait on its file lock). Each thread
 * keeps one connection per database file, in WAL mode with a 5 s busy timeout.
 */
final class SqliteEngine implements SqlEngine {

    /** The executor's threads: at most this many statements run at once, the rest queue. */
    static final int THREADS = 4;

    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS,
            Thread.ofPlatform().daemon().name("skitai-sqlite-", 0).factory());
    private final ThreadLocal<Map<Path, Connection>> connections = ThreadLocal.withInitial(HashMap::new);
    private final ConcurrentLinkedQueue<Connection> opened = new ConcurrentLinkedQueue<>();

    @Override
    public Transport transport(String sql, Object[] params) {
        return target -> CompletableFuture.supplyAsync(() -> {
            try {
                return JdbcStatements.run(connection(Path.of(target.uri().getSchemeSpecificPart())), sql, params);
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    @Override
    public SqlSession begin(Target target) throws Exception {
        Path file = Path.of(target.uri().getSchemeSpecificPart());
        Connection c = CompletableFuture.supplyAsync(() -> {
            try {
                Connection own = open(file);
                own.setAutoCommit(false);
                return own;
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, executor).get();
        return new SqlSession() {
            @Override
            public CompletableFuture<io.skitai.was.Result> execute(String sql, Object[] params) {
                return CompletableFuture.supplyAsync(() -> {
                    try {
                        return JdbcStatements.run(c, sql, params);
                    } catch (SQLException e) {
                        throw new CompletionException(e);
                    }
                }, executor);
            }

            @Override
            public void commit() throws Exception {
                onExecutor(c::commit);
            }

            @Override
            public void rollback() {
                try {
                    onExecutor(c::rollback);
                } catch (Exception ignored) {
                    // closing the connection below ends the transaction anyway
                }
            }

            @Override
            public void close() {
                try {
                    onExecutor(c::close);
                } catch (Exception ignored) {
                    // nothing left to tell
                }
                opened.remove(c);
            }
        };
    }

    /** A JDBC action of a transaction, on the executor like its statements. */
    private void onExecutor(SqlAction action) throws Exception {
        try {
            CompletableFuture.runAsync(() -> {
                try {
                    action.run();
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            }, executor).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    private Connection connection(Path file) throws SQLException {
        Map<Path, Connection> mine = connections.get();
        Connection c = mine.get(file);
        if (c == null || c.isClosed()) {
            c = open(file);
            mine.put(file, c);
        }
        return c;
    }

    private Connection open(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA busy_timeout=5000");
        }
        opened.add(c);
        return c;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        Connection c;
        while ((c = opened.poll()) != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing at shutdown: nothing left to tell
            }
        }
    }
}
