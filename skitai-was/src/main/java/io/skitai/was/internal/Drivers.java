package io.skitai.was.internal;

import io.skitai.core.Db;
import io.skitai.was.PostgresDriver;
import java.time.Duration;

/**
 * The optional drivers of the database engines: checked by class name before an engine is made, so a
 * missing driver is a message naming the artifact to add, not a {@code NoClassDefFoundError}.
 */
final class Drivers {

    private Drivers() {}

    /** Throws a message naming the Maven artifacts {@code db} needs when they are not on the class path. */
    static void require(Db db) {
        switch (db) {
            case SQLITE3 -> require("SQLite", "org.xerial:sqlite-jdbc", "org.sqlite.JDBC");
            case REDIS -> require("Redis", "io.lettuce:lettuce-core", "io.lettuce.core.RedisClient");
            case MONGODB -> require("MongoDB", "org.mongodb:mongodb-driver-reactivestreams",
                    "com.mongodb.reactivestreams.client.MongoClients", "reactor.core.publisher.Flux");
            default -> { }
        }
    }

    private static void require(String engine, String artifacts, String... classes) {
        for (String name : classes) {
            try {
                Class.forName(name, false, Drivers.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException(Messages.driverMissing(engine, artifacts, name), e);
            }
        }
    }

    /** Throws a message naming the artifacts {@code driver} needs when they are not on the class path. */
    static void postgres(PostgresDriver driver) {
        switch (driver) {
            case PGJDBC -> require("PostgreSQL (pgjdbc)", "org.postgresql:postgresql", "org.postgresql.Driver");
            case R2DBC -> require("PostgreSQL (r2dbc)", "org.postgresql:r2dbc-postgresql and io.r2dbc:r2dbc-pool",
                    "io.r2dbc.postgresql.PostgresqlConnectionFactory", "io.r2dbc.pool.ConnectionPool");
        }
    }

    /** The PostgreSQL engine on {@code driver}, after checking its artifacts are there. */
    static SqlEngine postgres(PostgresDriver driver, int maxConnections, Duration maxIdle, PoolWatcher watcher) {
        postgres(driver);
        return driver == PostgresDriver.R2DBC
                ? new PgR2dbcEngine(maxConnections, maxIdle, watcher) : new PgJdbcEngine(maxConnections, maxIdle, watcher);
    }

    static SqlEngine sqlite(PoolWatcher watcher) {
        return new SqliteEngine(watcher);
    }

    static RedisEngine redis() {
        return new RedisEngine();
    }

    static MongoEngine mongo(PoolWatcher watcher) {
        return new MongoEngine(watcher);
    }
}
