package io.skitai.was;

import static io.skitai.was.Gauges.await;
import static io.skitai.was.Gauges.awaitPool;
import static io.skitai.was.Gauges.poolMeters;
import static io.skitai.was.Gauges.value;
import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skitai.core.Db;
import io.skitai.core.Metrics;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The gauges of was's database pools on real servers: PostgreSQL (zonky's embedded binaries) on
 * both drivers, with statements held by an advisory lock the test's own connection keeps, SQLite,
 * and MongoDB (mongo-java-server over a real socket). Pools are named {@code alias/host:port/db},
 * never with the member's password.
 */
class DbPoolMetricsTest {

    private static final String PASSWORD = "s3cret-word";
    @RegisterExtension
    static final EmbeddedPg PG = new EmbeddedPg();

    @ParameterizedTest
    @EnumSource(PostgresDriver.class)
    void aStatementHeldByALockIsActiveAndTheNextWaitsForTheOnlyConnection(PostgresDriver driver) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ServerBuilder config = ServerBuilder.create().set(Metrics.SETTING, Metrics.of(registry))
                .set(WasSettings.POSTGRESQL_DRIVER, driver).set(WasSettings.MAX_DB_CONNECTIONS, 1);
        config.alias("@pg", Db.POSTGRESQL, "postgres:" + PASSWORD + "@127.0.0.1:" + PG.server().getPort() + "/postgres");
        config.mount("/", ex -> {
            Was was = Was.current();
            // Both wait for the advisory lock the test holds: the first on the pool's one connection,
            // the second for that connection.
            Call first = was.backend("@pg").execute("SELECT 1 AS n FROM (SELECT pg_advisory_xact_lock(?)) AS held", 4242L);
            Call second = was.backend("@pg").execute("SELECT 2 AS n FROM (SELECT pg_advisory_xact_lock(?)) AS held", 4242L);
            ex.json(List.of(first.dispatch(60).data(), second.dispatch(60).data()));
        });
        String pool = "@pg/127.0.0.1:" + PG.server().getPort() + "/postgres";
        try (Connection holder = PG.server().getPostgresDatabase().getConnection(); Statement lock = holder.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(4242)");
            TestKit.serve(config, cli -> {
                CompletableFuture<List<Object>> answers = CompletableFuture.supplyAsync(() -> cli.get("/").data());
                try {
                    awaitPool("one statement on the connection, none idle, one waiting for it", registry, "postgresql", pool, 1, 0, 1);
                    assertThat(registry.getMeters()).flatExtracting(m -> m.getId().getTags()).extracting(Tag::getValue)
                            .as("no tag holds the member's password").noneMatch(v -> v.contains(PASSWORD));
                } finally {
                    lock.execute("SELECT pg_advisory_unlock(4242)");
                }
                assertThat(answers.get(60, TimeUnit.SECONDS))
                        .containsExactly(List.of(Map.of("n", 1)), List.of(Map.of("n", 2)));
                awaitPool("the connection back in the pool, idle", registry, "postgresql", pool, 0, 1, 0);
            });
        }
        assertThat(poolMeters(registry, "kind", "postgresql")).as("the engine closed with the server").isEmpty();
    }

    @Test
    void sqliteKeepsTheExecutorThreadsConnectionIdleAfterAStatement(@TempDir Path dir) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ServerBuilder config = ServerBuilder.create().set(Metrics.SETTING, Metrics.of(registry));
        Path file = dir.resolve("app.db").toAbsolutePath();
        config.alias("@lite", Db.SQLITE3, file.toString());
        config.mount("/", ex -> ex.json(Was.current().backend("@lite").execute("SELECT 7 AS n").dispatch(30).data()));
        String pool = "@lite/" + file;
        TestKit.serve(config, cli -> {
            assertThat(cli.get("/").<List<Object>>data()).containsExactly(Map.of("n", 7));
            awaitPool("the statement's connection idle", registry, "sqlite", pool, 0, 1, 0);
        });
        assertThat(poolMeters(registry, "kind", "sqlite")).isEmpty();
    }

    @Test
    void mongodbPoolsAreCountedFromTheDriversEvents() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        try {
            mongo.bind("127.0.0.1", 0);
            int port = mongo.getLocalAddress().getPort();
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            ServerBuilder config = ServerBuilder.create().set(Metrics.SETTING, Metrics.of(registry));
            config.alias("@docs", Db.MONGODB, "127.0.0.1:" + port + "/app");
            config.mount("/", ex -> ex.json(Was.current().mongodb("@docs").count("things", Map.of()).dispatchOrThrow().data()));
            String pool = "@docs/127.0.0.1:" + port + "/app";
            TestKit.serve(config, cli -> {
                assertThat(cli.get("/").<Integer>data()).isZero();
                await("the operation's connection checked in, idle", () ->
                        value(registry, "skitai.pool.connections", "kind", "mongodb", "pool", pool, "state", "idle") >= 1
                                && value(registry, "skitai.pool.connections", "kind", "mongodb", "pool", pool, "state", "active") == 0);
                assertThat(value(registry, "skitai.pool.pending", "kind", "mongodb", "pool", pool)).isZero();
                List<Meter> meters = poolMeters(registry, "kind", "mongodb");
                assertThat(meters).extracting(m -> m.getId().getTag("pool")).containsOnly(pool);
            });
            assertThat(poolMeters(registry, "kind", "mongodb")).isEmpty();
        } finally {
            mongo.shutdownNow();
        }
    }
}
