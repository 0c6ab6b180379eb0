package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Db;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SQL through was against a real PostgreSQL server (embedded binaries from Maven). */
class PostgresCallsTest {

    private static EmbeddedPostgres pg;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void selectsThroughWas() {
        ServerBuilder config = ServerBuilder.create();
        config.alias("@pg", Db.POSTGRESQL, "postgres@127.0.0.1:" + pg.getPort() + "/postgres");
        config.mount("/", ex -> {
            Result r = Was.current().backend("@pg").execute("SELECT ?::int + 1 AS n, 'x' AS s", 41).dispatch(10);
            ex.json(Map.of("status", r.status(), "data", r.status() == Result.NORMAL ? r.data() : String.valueOf(r.reason())));
        });
        TestKit.serve(config, cli -> {
            Map<String, Object> r = cli.get("/").data();
            assertThat(r).containsEntry("status", Result.NORMAL);
            assertThat(r.get("data")).isEqualTo(List.of(Map.of("n", 42, "s", "x")));
        });
    }
}
