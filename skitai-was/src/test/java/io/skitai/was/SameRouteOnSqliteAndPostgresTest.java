package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Db;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One route, written once against {@code was.backend("@db")}, passes the same test on SQLite (a
 * temporary file) and on PostgreSQL (embedded): only the alias changes.
 */
class SameRouteOnSqliteAndPostgresTest {

    @TempDir
    static Path dir;
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

    /** The app's route: create, insert with bound values (one hostile), count and read back. */
    private static ServerBuilder app(Db type, String member) {
        ServerBuilder config = ServerBuilder.create();
        config.alias("@db", type, member);
        config.mount("/", ex -> {
            Sql<Call> db = Was.current().backend("@db");
            db.execute("CREATE TABLE IF NOT EXISTS notes (id integer PRIMARY KEY, body text NOT NULL)").dispatchOrThrow();
            db.execute("DELETE FROM notes").dispatchOrThrow();
            Result one = db.execute("INSERT INTO notes (id, body) VALUES (?, ?)", 1, "it's ok").dispatchOrThrow();
            db.execute("INSERT INTO notes (id, body) VALUES (?, ?)", 2, "'); DROP TABLE notes; --").dispatchOrThrow();
            Result rows = db.execute("SELECT id, body FROM notes WHERE id >= ? ORDER BY id", 1).dispatchOrThrow();
            Result missing = db.execute("SELECT id FROM notes WHERE body = ?", "nothing").dispatchOrThrow();
            Result bad = db.execute("INSERT INTO notes (id, body) VALUES (?, ?)", 1, "again").dispatch();
            ex.json(Map.of("inserted", one.header("Rows-Affected").orElse("-"), "rows", rows.data(),
                    "missing", missing.data(), "duplicate", bad.status()));
        });
        return config;
    }

    @ParameterizedTest
    @ValueSource(strings = {"SQLITE3", "POSTGRESQL"})
    void theSameRouteRunsOnBoth(String engine) {
        Db type = Db.valueOf(engine);
        String member = type == Db.SQLITE3 ? dir.resolve("notes.db").toString()
                : "postgres@127.0.0.1:" + pg.getPort() + "/postgres";
        TestKit.serve(app(type, member), cli -> {
            Map<String, Object> r = cli.get("/").data();
            assertThat(r).containsEntry("inserted", "1").containsEntry("missing", List.of())
                    .containsEntry("duplicate", Result.EXCEPTION);
            assertThat(r.get("rows")).isEqualTo(List.of(Map.of("id", 1, "body", "it's ok"),
                    Map.of("id", 2, "body", "'); DROP TABLE notes; --")));
        });
    }
}
