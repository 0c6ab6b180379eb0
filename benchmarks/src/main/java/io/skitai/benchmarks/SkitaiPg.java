package io.skitai.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.skitai.core.Db;
import io.skitai.core.Run;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.was.PostgresDriver;
import io.skitai.was.Was;
import io.skitai.was.WasSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Skitai side of {@code benchmarks/db.sh}: {@code GET /city/{id}} reads one row by primary key
 * from PostgreSQL and answers it as JSON, on the default virtual thread per request. MODE is
 * {@code PGJDBC} (through {@code was}, its default driver and pool of 20 per member), {@code R2DBC}
 * (through {@code was} on r2dbc) or {@code HIKARI} (the same route without {@code was}: pgjdbc
 * under HikariCP, pool of 20, on the request's own virtual thread, as a JDBC user writes it).
 *
 * <pre>java -cp benchmarks/target/skitai-benchmarks.jar io.skitai.benchmarks.SkitaiPg PORT PG_PORT [MODE]</pre>
 */
public final class SkitaiPg {

    private static final String SQL = "SELECT id, name FROM cities WHERE id = ?";

    private SkitaiPg() {}

    public static void main(String[] args) {
        String mode = args.length > 2 ? args[2] : "PGJDBC";
        ServerBuilder config = ServerBuilder.create();
        if (mode.equals("HIKARI")) {
            HikariDataSource pool = hikari(args[1]);
            config.mount("/city", ex -> {
                Map<String, Object> row = new LinkedHashMap<>();
                try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
                    ps.setInt(1, id(ex.path()));
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            ex.status(404).send(new byte[0]);
                            return;
                        }
                        row.put("id", rs.getInt(1));
                        row.put("name", rs.getString(2));
                    }
                }
                ex.json(row);
            });
        } else {
            config.set(WasSettings.POSTGRESQL_DRIVER, PostgresDriver.valueOf(mode));
            config.alias("@db", Db.POSTGRESQL, "postgres@127.0.0.1:" + args[1] + "/postgres");
            config.mount("/city", ex -> ex.json(Was.current().backend("@db").execute(SQL, id(ex.path())).oneOrThrow(5)));
        }
        SkitaiServer.create(config.build()).start(Run.port(Integer.parseInt(args[0])).address("127.0.0.1"));
        System.out.println("skitai-pg (" + mode + ") listening on 127.0.0.1:" + args[0]);
    }

    private static int id(String path) {
        return Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
    }

    private static HikariDataSource hikari(String pgPort) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres");
        hikari.setUsername("postgres");
        hikari.setMaximumPoolSize(20);
        return new HikariDataSource(hikari);
    }
}
