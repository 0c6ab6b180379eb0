package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Db;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
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
    @RegisterExtension
    static final EmbeddedPg PG = new EmbeddedPg();

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
                : "postgres@127.0.0.1:" + PG.server().getPort() + "/postgres";
        TestKit.serve(app(type, member), cli -> {
            Map<String, Object> r = cli.get("/").data();
            assertThat(r).containsEntry("inserted", "1").containsEntry("missing", List.of())
                    .containsEntry("duplicate", Result.EXCEPTION);
            assertThat(r.get("rows")).isEqualTo(List.of(Map.of("id", 1, "body", "it's ok"),
                    Map.of("id", 2, "body", "'); DROP TABLE notes; --")));
        });
    }

    /** Moves 10 from account 1 to 2 in a transaction; with {@code fail}, throws after the first update. */
    private static ServerBuilder transfers(Db type, String member) {
        ServerBuilder config = ServerBuilder.create();
        config.alias("@db", type, member);
        config.mount("/", ex -> {
            Was was = Was.current();
            Sql<Call> db = was.backend("@db");
            db.execute("CREATE TABLE IF NOT EXISTS accounts (id integer PRIMARY KEY, balance integer NOT NULL)").dispatchOrThrow();
            db.execute("DELETE FROM accounts").dispatchOrThrow();
            db.execute("INSERT INTO accounts VALUES (1, 100), (2, 0)").dispatchOrThrow();
            boolean fail = ex.query("fail").isPresent();
            String outcome;
            try {
                outcome = was.transaction("@db", tx -> {
                    tx.execute("UPDATE accounts SET balance = balance - ? WHERE id = ?", 10, 1).dispatchOrThrow();
                    if (fail) {
                        throw new IllegalStateException("the transfer is refused");
                    }
                    tx.execute("UPDATE accounts SET balance = balance + ? WHERE id = ?", 10, 2).dispatchOrThrow();
                    return "committed";
                });
            } catch (IllegalStateException e) {
                outcome = e.getMessage();
            }
            ex.json(Map.of("outcome", outcome,
                    "balances", db.execute("SELECT id, balance FROM accounts ORDER BY id").dispatchOrThrow().data()));
        });
        return config;
    }

    @ParameterizedTest
    @ValueSource(strings = {"SQLITE3", "POSTGRESQL"})
    void aTransactionCommitsOrRollsBackAsAWhole(String engine) {
        Db type = Db.valueOf(engine);
        String member = type == Db.SQLITE3 ? dir.resolve("bank.db").toString()
                : "postgres@127.0.0.1:" + PG.server().getPort() + "/postgres";
        TestKit.serve(transfers(type, member), cli -> {
            Map<String, Object> done = cli.get("/").data();
            assertThat(done).containsEntry("outcome", "committed");
            assertThat(done.get("balances")).isEqualTo(List.of(Map.of("id", 1, "balance", 90), Map.of("id", 2, "balance", 10)));
            Map<String, Object> refused = cli.get("/?fail=1").data();
            assertThat(refused).containsEntry("outcome", "the transfer is refused");
            assertThat(refused.get("balances")).as("the first update was rolled back")
                    .isEqualTo(List.of(Map.of("id", 1, "balance", 100), Map.of("id", 2, "balance", 0)));
        });
    }
}
