package io.skitai.was.internal;

import io.skitai.was.Result;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs one statement through JDBC, every value a bound parameter, and turns it into a was result. */
final class JdbcStatements {

    private JdbcStatements() {}

    static Result run(Connection c, String sql, Object[] params) throws SQLException {
        return run(c, sql, params, statement -> { });
    }

    /** Runs {@code sql}; {@code running} sees the statement before it executes (to cancel it from elsewhere). */
    static Result run(Connection c, String sql, Object[] params, Consumer<PreparedStatement> running)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            running.accept(ps);
            List<Map<String, Object>> rows = new ArrayList<>();
            if (ps.execute()) {
                try (ResultSet rs = ps.getResultSet()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    int columns = meta.getColumnCount();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= columns; i++) {
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
}
