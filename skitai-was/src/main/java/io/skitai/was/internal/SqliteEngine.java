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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SQLite through xerial's JDBC driver on a small bounded executor ({@value #THREADS} platform
 * threads per server: SQLite blocks, and more threads only wait on its file lock). Each thread
 * keeps one connection per alias and database file, in WAL mode with a 5 s busy timeout. The
 * {@link PoolWatcher} sees, per alias and file: connections running a statement or held by a
 * transaction (active), the threads' other connections to it (idle), and statements waiting for
 * a thread (pending).
 */
final class SqliteEngine implements SqlEngine {

    /** The executor's threads: at most this many statements run at once, the rest queue. */
    static final int THREADS = 4;

    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS,
            Thread.ofPlatform().daemon().name("skitai-sqlite-", 0).factory());
    private final ThreadLocal<Map<String, Connection>> connections = ThreadLocal.withInitial(HashMap::new);
    private final ConcurrentLinkedQueue<Connection> opened = new ConcurrentLinkedQueue<>();
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final PoolWatcher watcher;

    SqliteEngine(PoolWatcher watcher) {
        this.watcher = watcher;
    }

    /** The figures of one alias and file: the threads' connections, statements queued and running, transactions. */
    private static final class Tally {
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger queued = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger sessions = new AtomicInteger();

        io.skitai.core.Metrics.PoolCounts counts() {
            int run = running.get();
            return new io.skitai.core.Metrics.PoolCounts(run + sessions.get(), Math.max(0, open.get() - run), queued.get());
        }
    }

    /** Where a transaction's own statements count: nowhere (its connection counts as one in use). */
    private static final Tally UNCOUNTED = new Tally();

    @Override
    public Transport transport(String sql, Object[] params) {
        return target -> {
            Tally tally = tally(target);
            return submit(tally, () -> JdbcStatements.run(connection(target, tally), sql, params));
        };
    }

    @Override
    public SqlSession begin(Target target) throws Exception {
        Path file = Path.of(target.uri().getSchemeSpecificPart());
        Tally tally = tally(target);
        Connection c = wait(submit(UNCOUNTED, () -> {
            Connection own = open(file);
            own.setAutoCommit(false);
            return own;
        }));
        tally.sessions.incrementAndGet();
        return new SqlSession() {
            @Override
            public CompletableFuture<io.skitai.was.Result> execute(String sql, Object[] params) {
                return submit(UNCOUNTED, () -> JdbcStatements.run(c, sql, params));
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
                tally.sessions.decrementAndGet();
            }
        };
    }

    private Tally tally(Target target) {
        return tallies.computeIfAbsent(target.poolName(), name -> {
            Tally made = new Tally();
            watcher.watch(name, made::counts);
            return made;
        });
    }

    /** JDBC work whose value a future carries. */
    @FunctionalInterface
    private interface SqlCall<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code call} on the executor, counted in {@code tally} (queued, then running); a failure
     * completes the future with a {@link CompletionException} around it.
     */
    private <T> CompletableFuture<T> submit(Tally tally, SqlCall<T> call) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        tally.queued.incrementAndGet();
        try {
            executor.execute(() -> {
                tally.queued.decrementAndGet();
                tally.running.incrementAndGet();
                try {
                    if (!answer.isDone()) { // not cancelled while it waited (a dispatch timeout)
                        answer.complete(call.run());
                    }
                } catch (Throwable t) {
                    answer.completeExceptionally(t instanceof CompletionException ? t : new CompletionException(t));
                } finally {
                    tally.running.decrementAndGet();
                }
            });
        } catch (RuntimeException refused) {
            tally.queued.decrementAndGet();
            throw refused;
        }
        return answer;
    }

    /** A JDBC action of a transaction, on the executor like its statements. */
    private void onExecutor(SqlAction action) throws Exception {
        wait(submit(UNCOUNTED, () -> {
            action.run();
            return null;
        }));
    }

    private static <T> T wait(CompletableFuture<T> future) throws Exception {
        try {
            return future.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    /** The executor thread's connection for {@code target} (its alias and file), opened on first use. */
    private Connection connection(Target target, Tally tally) throws SQLException {
        Map<String, Connection> mine = connections.get();
        String name = target.poolName();
        Connection c = mine.get(name);
        if (c == null || c.isClosed()) {
            if (c != null) {
                tally.open.decrementAndGet();
            }
            c = open(Path.of(target.uri().getSchemeSpecificPart()));
            mine.put(name, c);
            tally.open.incrementAndGet();
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
        watcher.close();
    }
}
