package io.skitai.benchmarks.peers.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database route as a JDBC user writes it on Helidon SE 4 (a virtual thread per request):
 * {@code GET /city/{id}} reads one row by primary key through pgjdbc under HikariCP (pool of
 * {@code args[2]}, default 20, as Skitai's per-member pool) and answers it as JSON.
 *
 * <pre>java -jar benchmarks/peers/db/target/db-peer.jar PORT PG_PORT [POOL]</pre>
 */
public final class HelidonPg {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HelidonPg() {}

    public static void main(String[] args) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + args[1] + "/postgres");
        config.setUsername("postgres");
        config.setMaximumPoolSize(args.length > 2 ? Integer.parseInt(args[2]) : 20);
        HikariDataSource pool = new HikariDataSource(config);
        WebServer server = WebServer.builder().host("127.0.0.1").port(Integer.parseInt(args[0]))
                .routing(r -> r.get("/city/{id}", (req, res) -> {
                    int id = Integer.parseInt(req.path().pathParameters().get("id"));
                    Map<String, Object> row = new LinkedHashMap<>();
                    try (Connection c = pool.getConnection();
                            PreparedStatement ps = c.prepareStatement("SELECT id, name FROM cities WHERE id = ?")) {
                        ps.setInt(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) {
                                res.status(404).send();
                                return;
                            }
                            row.put("id", rs.getInt(1));
                            row.put("name", rs.getString(2));
                        }
                    }
                    res.header(HeaderValues.CONTENT_TYPE_JSON).send(MAPPER.writeValueAsBytes(row));
                }))
                .build().start();
        System.out.println("helidon-pg listening on 127.0.0.1:" + server.port());
    }
}
