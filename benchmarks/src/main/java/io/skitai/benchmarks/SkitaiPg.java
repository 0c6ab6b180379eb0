package io.skitai.benchmarks;

import io.skitai.core.Db;
import io.skitai.core.Run;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.was.Was;

/**
 * The Skitai side of {@code benchmarks/db.sh}: {@code GET /city/{id}} reads one row by primary key
 * from PostgreSQL through {@code was} (r2dbc, the default pool of 20 per member) and answers it as
 * JSON, on the default virtual thread per request.
 *
 * <pre>java -cp benchmarks/target/skitai-benchmarks.jar io.skitai.benchmarks.SkitaiPg PORT PG_PORT</pre>
 */
public final class SkitaiPg {

    private SkitaiPg() {}

    public static void main(String[] args) {
        ServerBuilder config = ServerBuilder.create();
        config.alias("@db", Db.POSTGRESQL, "postgres@127.0.0.1:" + args[1] + "/postgres");
        config.mount("/city", ex -> {
            int id = Integer.parseInt(ex.path().substring(ex.path().lastIndexOf('/') + 1));
            ex.json(Was.current().backend("@db").execute("SELECT id, name FROM cities WHERE id = ?", id).oneOrThrow(5));
        });
        SkitaiServer.create(config.build()).start(Run.port(Integer.parseInt(args[0])).address("127.0.0.1"));
        System.out.println("skitai-pg listening on 127.0.0.1:" + args[0]);
    }
}
