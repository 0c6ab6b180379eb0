package io.skitai.benchmarks.peers.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;

/**
 * The database benchmark's PostgreSQL: zonky's embedded binaries on 127.0.0.1:{@code args[0]}, a
 * {@code cities} table of 10,000 rows (id 1..10000), running until the process is stopped.
 *
 * <pre>java -cp benchmarks/peers/db/target/db-peer.jar io.skitai.benchmarks.peers.db.PgServer PORT</pre>
 */
public final class PgServer {

    private PgServer() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setPort(Integer.parseInt(args[0]))
                .setServerConfig("max_connections", "300").start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE cities (id int PRIMARY KEY, name text NOT NULL)");
            s.execute("INSERT INTO cities SELECT i, 'city-' || i FROM generate_series(1, 10000) AS i");
            s.execute("ANALYZE cities");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }));
        System.out.println("postgres ready on 127.0.0.1:" + pg.getPort());
        Thread.currentThread().join();
    }
}
