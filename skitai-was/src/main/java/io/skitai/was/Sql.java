package io.skitai.was;

/**
 * SQL statements to a database alias ({@code Db.POSTGRESQL} or {@code Db.SQLITE3}), each fired at
 * once and collected with the same handles as HTTP calls:
 *
 * <pre>{@code
 * Call c = was.backend("@mydb").execute("SELECT id, name FROM cities WHERE id = ?", 3);
 * Result r = c.dispatch(2);              // r.data(): the rows, a List of Maps (column -> value)
 * r.header("Rows-Affected");             // the count of an INSERT, UPDATE or DELETE
 * }</pre>
 *
 * <p>Parameters are written {@code ?} on every engine (PostgreSQL's {@code $1} is made from them)
 * and always sent as bind values: a statement is never built from values. {@code was.lb()} runs a
 * statement on one member and tries the next only when the connection could not be made (no
 * statement can have run); {@code was.map()} runs it on every member, results in member order.
 *
 * @param <C> {@link Call} or {@link MapCall}
 */
@FunctionalInterface
public interface Sql<C> {

    /** Runs {@code sql} with {@code params} bound to its {@code ?} placeholders, in order. */
    C execute(String sql, Object... params);

    /** Runs a built statement ({@link SqlStatement#of(org.jooq.Query)} for jOOQ). */
    default C execute(SqlStatement statement) {
        return execute(statement.sql(), statement.params().toArray());
    }
}
