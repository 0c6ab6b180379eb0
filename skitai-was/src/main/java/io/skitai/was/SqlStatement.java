package io.skitai.was;

import java.util.List;
import java.util.Objects;

/**
 * A SQL statement with its values, as a query builder renders it: {@code ?} placeholders and the
 * values in order. {@link Sql#execute(SqlStatement)} runs it; {@link #of(org.jooq.Query)} takes a
 * jOOQ query (with {@code org.jooq:jooq} on the class path):
 *
 * <pre>{@code
 * var q = DSL.using(SQLDialect.POSTGRES).selectFrom(table("cities")).where(field("id").eq(3));
 * Call c = was.backend("@db").execute(SqlStatement.of(q));
 * }</pre>
 *
 * @param sql    the statement with {@code ?} placeholders
 * @param params the values, in placeholder order
 */
public record SqlStatement(String sql, List<Object> params) {

    /** Checks the parts and copies the values (nulls allowed). */
    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        params = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params));
    }

    /** A jOOQ query's SQL with indexed placeholders and its bind values. */
    public static SqlStatement of(org.jooq.Query query) {
        return new SqlStatement(query.getSQL(org.jooq.conf.ParamType.INDEXED), query.getBindValues());
    }
}
