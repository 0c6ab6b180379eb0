package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import io.skitai.core.Db;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Query results in the result cache (by time and by the model-synchronised last update), jOOQ
 * statements, and 2,000 database calls waiting at once on few platform threads (SQLite).
 */
class SqlCacheAndBuilderTest {

    @TempDir
    Path dir;

    /** A test route's body, given the request's was and the {@code @db} alias. */
    @FunctionalInterface
    interface Body {
        Object handle(Was was, Sql<Call> db) throws Exception;
    }

    private ServerBuilder app(Body handler) {
        ServerBuilder config = ServerBuilder.create();
        config.processes().deflu("tables.cities");
        config.alias("@db", Db.SQLITE3, dir.resolve("app.db").toString());
        config.mount("/", ex -> {
            Sql<Call> db = Was.current().backend("@db");
            db.execute("CREATE TABLE IF NOT EXISTS cities (id integer PRIMARY KEY, name text)").dispatchOrThrow();
            ex.json(handler.handle(Was.current(), db));
        });
        return config;
    }

    @Test
    void queryResultsAreCachedAndALastUpdateRefreshesThem() {
        TestKit.serve(app((was, db) -> {
            db.execute("DELETE FROM cities").dispatchOrThrow();
            db.execute("INSERT INTO cities VALUES (?, ?)", 1, "Seoul").dispatchOrThrow();
            String count = "SELECT count(*) AS n FROM cities";
            Object first = was.useCache(was.getlu("tables.cities")).backend("@db").execute(count).dispatch(5, 60).data();
            db.execute("INSERT INTO cities VALUES (?, ?)", 2, "Busan").dispatchOrThrow();
            Object cached = was.useCache(was.getlu("tables.cities")).backend("@db").execute(count).dispatch(5).data();
            Object bypassed = was.useCache(false).backend("@db").execute(count).dispatch(5).data();
            was.setlu("tables.cities");
            Object refreshed = was.useCache(was.getlu("tables.cities")).backend("@db").execute(count).dispatch(5, 60).data();
            return List.of(first, cached, bypassed, refreshed);
        }), cli -> assertThat(cli.get("/").<List<Object>>data()).isEqualTo(List.of(
                List.of(Map.of("n", 1)), List.of(Map.of("n", 1)), List.of(Map.of("n", 2)), List.of(Map.of("n", 2)))));
    }

    @Test
    void aJooqQueryRunsWithItsBindValues() {
        TestKit.serve(app((was, db) -> {
            db.execute("DELETE FROM cities").dispatchOrThrow();
            var dsl = DSL.using(SQLDialect.SQLITE);
            db.execute(SqlStatement.of(dsl.insertInto(table("cities"), field("id"), field("name"))
                    .values(7, "it's Jeju"))).dispatchOrThrow();
            return db.execute(SqlStatement.of(dsl.select(field("name")).from(table("cities")).where(field("id").eq(7))))
                    .dispatchOrThrow().data();
        }), cli -> assertThat(cli.get("/").<List<Object>>data()).isEqualTo(List.of(Map.of("name", "it's Jeju"))));
    }

    @Test
    void twoThousandWaitingCallsHoldFewPlatformThreads() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        TestKit.serve(app((was, db) -> {
            threads.resetPeakThreadCount();
            List<Call> calls = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                calls.add(db.execute("SELECT ? AS i", i));
            }
            int answered = 0;
            for (Call c : calls) {
                answered += c.dispatch(30).status() == Result.NORMAL ? 1 : 0;
            }
            return Map.of("answered", answered, "peakPlatformThreads", threads.getPeakThreadCount());
        }), cli -> {
            Map<String, Object> r = cli.get("/").data();
            assertThat(r).containsEntry("answered", 2000);
            assertThat((Integer) r.get("peakPlatformThreads")).as("platform threads of the whole test JVM").isLessThanOrEqualTo(64);
        });
    }
}
