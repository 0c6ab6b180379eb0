package io.skitai.core;

/**
 * The database engine of an {@link Alias} (Python's {@code DB_PGSQL}, {@code DB_SQLITE3},
 * {@code DB_REDIS}, {@code DB_MONGODB}), called through {@code was.backend("@name")}:
 *
 * <pre>{@code
 * Skitai.alias("@mydb", Db.POSTGRESQL, "user:pass@10.0.0.1:5432/mydb 20", "user:pass@10.0.0.2/mydb 10");
 * Skitai.alias("@local", Db.SQLITE3, "data/app.db");
 * }</pre>
 *
 * <p>A member is {@code [user:password@]host[:port]/database [weight]} ({@code %40} for an
 * {@code @} in the credentials); a SQLite member is a file path and an optional weight.
 */
public enum Db implements AliasType {
    /** PostgreSQL, port 5432 unless given. */
    POSTGRESQL(5432),
    /** SQLite: members are database files. */
    SQLITE3(0),
    /** Redis, port 6379 unless given; the database is a number ({@code /0}). */
    REDIS(6379),
    /** MongoDB, port 27017 unless given. */
    MONGODB(27017);

    private final int defaultPort;

    Db(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    @Override
    public int defaultPort() {
        return defaultPort;
    }
}
