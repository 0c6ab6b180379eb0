package io.skitai.examples.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Db;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The notes API, unchanged, on SQLite (a temporary file) and on PostgreSQL (embedded). */
class DbAppTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"SQLITE3", "POSTGRESQL"})
    void theSameAppOnBothDatabases(String engine) throws Exception {
        EmbeddedPostgres pg = engine.equals("POSTGRESQL") ? EmbeddedPostgres.builder().start() : null;
        try {
            ServerBuilder config = ServerBuilder.create();
            config.alias("@db", Db.valueOf(engine), pg == null ? dir.resolve("notes.db").toString()
                    : "postgres@127.0.0.1:" + pg.getPort() + "/postgres");
            config.mount("/", DbApp.app());
            TestKit.serve(config, cli -> {
                assertThat(cli.get("/notes").<List<Object>>data()).isEmpty();
                var created = cli.post("/notes", Map.of("body", "it's '; DROP TABLE notes; --"));
                assertThat(created.status()).isEqualTo(201);
                String id = (String) created.<Map<String, Object>>data().get("id");
                cli.post("/notes", Map.of("body", "second"));
                assertThat(cli.get("/notes").<List<Map<String, Object>>>data()).extracting(m -> m.get("body"))
                        .containsExactly("it's '; DROP TABLE notes; --", "second");
                assertThat(cli.get("/notes/" + id).<Map<String, Object>>data()).containsEntry("id", id);
                assertThat(cli.get("/notes/latest").<List<Map<String, Object>>>data()).extracting(m -> m.get("body"))
                        .containsExactly("second", "it's '; DROP TABLE notes; --");
                assertThat(cli.get("/notes/nothing").status()).isEqualTo(404);
                assertThat(cli.post("/notes", Map.of("body", " ")).status()).isEqualTo(400);
            });
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }
}
