package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Db;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SQL through was against a real PostgreSQL server (zonky's embedded binaries from Maven): bound
 * parameters, map over two members, statements that run at once, a failed INSERT through lb, and a
 * connection killed under a query; each test on both drivers (pgjdbc, r2dbc).
 */
class PostgresCallsTest {

    @RegisterExtension
    static final EmbeddedPg PG = new EmbeddedPg();

    @BeforeAll
    static void createDatabases() throws Exception {
        sql("postgres", "CREATE DATABASE one", "CREATE DATABASE two");
        for (String db : List.of("one", "two")) {
            sql(db, "CREATE TABLE cities (id int PRIMARY KEY, name text NOT NULL)",
                    "INSERT INTO cities VALUES (1, '" + db + "-seoul')",
                    // Every INSERT attempt on dupes counts in a sequence, which a rollback does not undo.
                    "CREATE TABLE dupes (id int PRIMARY KEY)", "INSERT INTO dupes VALUES (1)",
                    "CREATE SEQUENCE attempts",
                    "CREATE FUNCTION count_attempt() RETURNS trigger AS $$ BEGIN PERFORM nextval('attempts'); RETURN NEW; END $$"
                            + " LANGUAGE plpgsql",
                    "CREATE TRIGGER counted BEFORE INSERT ON dupes FOR EACH ROW EXECUTE FUNCTION count_attempt()");
        }
        sql("postgres", "CREATE SEQUENCE arrivals",
                // Answers once n statements have arrived: only statements running at the same time finish.
                "CREATE FUNCTION barrier(n int) RETURNS int AS $$ BEGIN PERFORM nextval('arrivals');"
                        + " FOR i IN 1..2000 LOOP IF (SELECT last_value FROM arrivals) >= n THEN RETURN n; END IF;"
                        + " PERFORM pg_sleep(0.01); END LOOP; RAISE EXCEPTION 'only some statements arrived'; END $$ LANGUAGE plpgsql");
    }

    private static void sql(String db, String... statements) throws SQLException {
        try (Connection c = PG.server().getDatabase("postgres", db).getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String member(String db) {
        return "postgres@127.0.0.1:" + PG.server().getPort() + "/" + db;
    }

    /** What a test route answers. */
    @FunctionalInterface
    interface Answer {
        Object answer(Was was) throws Exception;
    }

    private static Map<String, Object> outcome(Result r) {
        return Map.of("status", r.status(), "data", r.status() == Result.NORMAL ? r.data() : String.valueOf(r.reason()),
                "affected", r.header("Rows-Affected").orElse("-"));
    }

    /** INSERT attempts on {@code dupes} so far, over both members. */
    private static int insertAttempts() throws SQLException {
        int attempts = 0;
        for (String db : List.of("one", "two")) {
            try (Connection c = PG.server().getDatabase("postgres", db).getConnection(); Statement s = c.createStatement();
                    var rs = s.executeQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM attempts")) {
                rs.next();
                attempts += rs.getInt(1);
            }
        }
        return attempts;
    }

    /** The tests on pgjdbc, was's default driver. */
    @Nested
    class OnPgjdbc extends Calls {
        OnPgjdbc() {
            super(PostgresDriver.PGJDBC);
        }
    }

    /** The same tests on r2dbc-postgresql. */
    @Nested
    class OnR2dbc extends Calls {
        OnR2dbc() {
            super(PostgresDriver.R2DBC);
        }
    }

    /** Every test, on the driver of the subclass. */
    abstract class Calls {

        private final PostgresDriver driver;

        Calls(PostgresDriver driver) {
            this.driver = driver;
        }

        ServerBuilder config() {
            return ServerBuilder.create().set(WasSettings.POSTGRESQL_DRIVER, driver);
        }

        ServerBuilder server(Answer route) {
            ServerBuilder config = config();
            config.alias("@one", Db.POSTGRESQL, member("one"));
            config.alias("@both", Db.POSTGRESQL, member("one"), member("two"));
            config.alias("@admin", Db.POSTGRESQL, member("postgres"));
            config.mount("/", ex -> ex.json(route.answer(Was.current())));
            return config;
        }

        @Test
        void valuesAreBoundNeverSpliced() {
            String hostile = "x'); DROP TABLE cities; --";
            int id = 100 + driver.ordinal();
            TestKit.serve(server(was -> {
                Result insert = was.backend("@one").execute("INSERT INTO cities VALUES (?, ?)", id, hostile).dispatch(10);
                Result back = was.backend("@one").execute("SELECT name FROM cities WHERE id = ?", id).dispatch(10);
                Result count = was.backend("@one").execute("SELECT count(*) AS n FROM cities WHERE id IN (1, ?)", id)
                        .dispatch(10);
                return List.of(outcome(insert), outcome(back), outcome(count));
            }), cli -> {
                List<Map<String, Object>> r = cli.get("/").data();
                assertThat(r.get(0)).containsEntry("status", Result.NORMAL).containsEntry("affected", "1");
                assertThat(r.get(1).get("data")).isEqualTo(List.of(Map.of("name", hostile)));
                assertThat(r.get(2).get("data")).as("the table is still there").isEqualTo(List.of(Map.of("n", 2)));
            });
        }

        @Test
        void mapRunsOnEveryMemberInOrder() {
            TestKit.serve(server(was -> {
                Results rs = was.map().backend("@both").execute("SELECT name FROM cities WHERE id = ?", 1).dispatch(10);
                List<Object> names = new ArrayList<>();
                rs.forEach(r -> names.add(r.data()));
                return names;
            }), cli -> assertThat(cli.get("/").<List<Object>>data()).isEqualTo(List.of(
                    List.of(Map.of("name", "one-seoul")), List.of(Map.of("name", "two-seoul")))));
        }

        @Test
        void statementsFiredTogetherRunAtOnce() {
            TestKit.serve(server(was -> {
                List<Call> calls = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    calls.add(was.backend("@admin").execute("SELECT barrier(3) AS n"));
                }
                List<Object> out = new ArrayList<>();
                for (Call c : calls) {
                    out.add(outcome(c.dispatch(30)));
                }
                return out;
            }), cli -> {
                List<Map<String, Object>> r = cli.get("/").data();
                assertThat(r).as("each answered only because all three were running")
                        .allSatisfy(m -> assertThat(m).containsEntry("status", Result.NORMAL)
                                .containsEntry("data", List.of(Map.of("n", 3))));
            });
        }

        @Test
        void aStatementTimedOutWhileWaitingForAConnectionNeverRuns() throws Exception {
            int id = 300 + driver.ordinal();
            ServerBuilder config = config().set(WasSettings.MAX_DB_CONNECTIONS, 1);
            config.alias("@single", Db.POSTGRESQL, member("one"));
            config.mount("/", ex -> {
                Was was = Was.current();
                // The pool's one connection waits for the advisory lock the test holds.
                Call holder = was.backend("@single").execute("SELECT 1 AS n FROM (SELECT pg_advisory_xact_lock(?)) AS held", 77L);
                Result inLine = was.backend("@single").execute("INSERT INTO cities VALUES (?, 'never')", id).dispatch(0.5);
                unlock.run();
                Result held = holder.dispatch(30);
                // The line is first come, first served: had the INSERT stayed in it, it would have run by now.
                Result after = was.backend("@single").execute("SELECT count(*) AS n FROM cities WHERE id = ?", id).dispatch(30);
                ex.json(List.of(outcome(inLine), outcome(held), outcome(after)));
            });
            // Advisory locks belong to one database: the same as the pool's.
            try (Connection c = PG.server().getDatabase("postgres", "one").getConnection(); Statement lock = c.createStatement()) {
                lock.execute("SELECT pg_advisory_lock(77)");
                unlock = () -> {
                    try {
                        lock.execute("SELECT pg_advisory_unlock(77)");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                };
                TestKit.serve(config, cli -> {
                    List<Map<String, Object>> r = cli.get("/").data();
                    assertThat(r.get(0)).as("the INSERT waiting for the connection").containsEntry("status", Result.TIMEOUT);
                    assertThat(r.get(1)).containsEntry("status", Result.NORMAL);
                    assertThat(r.get(2)).as("the INSERT never ran").containsEntry("data", List.of(Map.of("n", 0)));
                });
            }
        }

        /** Releases the advisory lock {@link #aStatementTimedOutWhileWaitingForAConnectionNeverRuns} holds. */
        private Runnable unlock;

        @Test
        void aFailedInsertThroughLbReachesOneMemberOnly() throws Exception {
            int before = insertAttempts();
            TestKit.serve(server(was -> outcome(was.lb().backend("@both").execute("INSERT INTO dupes VALUES (1)").dispatch(10))),
                    cli -> {
                        Map<String, Object> r = cli.get("/").data();
                        assertThat(r).containsEntry("status", Result.EXCEPTION);
                        assertThat((String) r.get("data")).contains("duplicate key");
                    });
            assertThat(insertAttempts() - before).as("INSERT attempts over both members").isEqualTo(1);
        }

        @Test
        void aConnectionKilledUnderAQueryIsStatus2AndTheNextCallSucceeds() {
            TestKit.serve(server(was -> {
                Call slow = was.backend("@admin").execute("SELECT pg_sleep(30)");
                Result killed;
                do {
                    // Until the sleeping statement is seen running and is killed.
                    killed = was.backend("@admin").execute("SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity"
                            + " WHERE query = 'SELECT pg_sleep(30)' AND pid <> pg_backend_pid()").dispatch(10);
                } while (killed.status() == Result.NORMAL && ((List<?>) killed.data()).isEmpty());
                Result slowResult = slow.dispatch(30);
                Result next = was.backend("@admin").execute("SELECT 1 AS one").dispatch(10);
                return List.of(outcome(killed), outcome(slowResult), outcome(next));
            }), cli -> {
                List<Map<String, Object>> r = cli.get("/").data();
                assertThat(r.get(1)).as("the killed query").containsEntry("status", Result.EXCEPTION);
                assertThat(r.get(2)).as("the pool recovers").containsEntry("status", Result.NORMAL)
                        .containsEntry("data", List.of(Map.of("one", 1)));
            });
        }

        @Test
        void aPasswordNeverShowsInFailuresOrTheStatus() throws Exception {
            int closed = TestKit.freePort();
            ServerBuilder config = config();
            config.alias("@gone", Db.POSTGRESQL, "app:sup3r%40secret@127.0.0.1:" + closed + "/app");
            config.mount("/", ex -> {
                Result r = Was.current().backend("@gone").execute("SELECT 1").dispatch(10);
                ex.json(Map.of("status", r.status(), "reason", String.valueOf(r.reason()),
                        "exception", String.valueOf(r.exception().orElse(null)), "server", Was.current().status().toString()));
            });
            TestKit.serve(config, cli -> {
                Map<String, Object> r = cli.get("/").data();
                assertThat(r).containsEntry("status", Result.EXCEPTION);
                assertThat(r.toString()).contains("@gone").doesNotContain("sup3r").doesNotContain("secret");
            });
            assertThat(config.build().toString()).doesNotContain("sup3r");
        }

        @Test
        void aDispatchTimeoutCancelsTheStatementOnTheServer() {
            TestKit.serve(server(was -> {
                Result late = was.backend("@admin").execute("SELECT pg_sleep(60), 'late-marker'").dispatch(0.5);
                Result running;
                do {
                    // Until the server no longer runs it: the cancel reached it.
                    running = was.backend("@admin").execute("SELECT count(*) AS n FROM pg_stat_activity"
                            + " WHERE query LIKE 'SELECT pg_sleep(60), ''late-marker''%' AND state = 'active'").dispatch(10);
                } while (running.status() == Result.NORMAL && !running.data().equals(List.of(Map.of("n", 0L))));
                return List.of(outcome(late), outcome(running));
            }), cli -> {
                List<Map<String, Object>> r = cli.get("/").data();
                assertThat(r.get(0)).containsEntry("status", Result.TIMEOUT);
                assertThat(r.get(1)).containsEntry("status", Result.NORMAL).containsEntry("data", List.of(Map.of("n", 0)));
            });
        }

        @Test
        void twoThousandWaitingStatementsHoldFewPlatformThreads() {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            TestKit.serve(server(was -> {
                threads.resetPeakThreadCount();
                List<Call> calls = new ArrayList<>();
                for (int i = 0; i < 2000; i++) {
                    calls.add(was.backend("@admin").execute("SELECT ?::int AS i, pg_sleep(0.001)", i));
                }
                int answered = 0;
                for (Call c : calls) {
                    answered += c.dispatch(60).status() == Result.NORMAL ? 1 : 0;
                }
                return Map.of("answered", answered, "peakPlatformThreads", threads.getPeakThreadCount());
            }), cli -> {
                Map<String, Object> r = cli.get("/").data();
                assertThat(r).containsEntry("answered", 2000);
                assertThat((Integer) r.get("peakPlatformThreads")).as("platform threads of the whole test JVM").isLessThanOrEqualTo(64);
            });
        }

        @Test
        void aServerCanBeCalledWithoutAnAlias() {
            TestKit.serve(server(was -> outcome(was.postgresql("postgres@127.0.0.1:" + PG.server().getPort(), "two")
                    .execute("SELECT name FROM cities WHERE id = ?", 1).dispatch(10))),
                    cli -> assertThat(cli.get("/").<Map<String, Object>>data()).containsEntry("status", Result.NORMAL)
                            .containsEntry("data", List.of(Map.of("name", "two-seoul"))));
        }

        @Test
        void lbMovesOnFromAMemberThatCannotBeReached() throws Exception {
            int closed = TestKit.freePort();
            ServerBuilder config = config();
            config.alias("@half", Db.POSTGRESQL, "postgres@127.0.0.1:" + closed + "/one", member("one"));
            config.mount("/", ex -> {
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    // Every other call is sent to the unreachable member first: no statement ran there.
                    out.add(outcome(Was.current().lb().backend("@half").execute("SELECT name FROM cities WHERE id = ?", 1)
                            .dispatch(20)));
                }
                ex.json(out);
            });
            TestKit.serve(config, cli -> assertThat(cli.get("/").<List<Map<String, Object>>>data())
                    .allSatisfy(r -> assertThat(r).containsEntry("status", Result.NORMAL)
                            .containsEntry("data", List.of(Map.of("name", "one-seoul")))));
        }
    }
}
