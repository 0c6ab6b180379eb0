package io.skitai.was.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
                return run(connection(Path.of(target.uri().getSchemeSpecificPart())), sql, params);
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    private Connection connection(Path file) throws SQLException {
        Map<Path, Connection> mine = connections.get();
        Connection c = mine.get(file);
        if (c == null || c.isClosed()) {
            c = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA busy_timeout=5000");
            }
            mine.put(file, c);
            opened.add(c);
        }
        return c;
    }

    private static io.skitai.was.Result run(Connection c, String sql, Object[] params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            if (ps.execute()) {
                try (ResultSet rs = ps.getResultSet()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.put(meta.getColumnLabel(i), rs.getObject(i));
                        }
                        rows.add(row);
                    }
                }
                return SqlRows.outcome(rows, 0);
            }
            return SqlRows.outcome(rows, Math.max(0, ps.getUpdateCount()));
        }
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
