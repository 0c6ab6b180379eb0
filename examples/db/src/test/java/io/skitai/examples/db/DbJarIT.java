package io.skitai.examples.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example as a user runs it: {@code java -jar examples/db/target/db.jar --db=FILE} keeps notes
 * in a SQLite file with no database server installed (runs after {@code package}, by failsafe).
 */
class DbJarIT {

    @Test
    void theShadedJarKeepsNotesInASqliteFile() throws Exception {
        Path jar = Path.of("target", "db.jar");
        assertThat(jar).exists();
        Path file = Files.createTempDirectory(Path.of("target"), "db-it").resolve("notes.db");
        TestKit.serveJar(jar, List.of("--db=" + file), cli -> {
            assertThat(cli.post("/notes", Map.of("body", "from the jar")).status()).isEqualTo(201);
            assertThat(cli.get("/notes").<List<Map<String, Object>>>data()).extracting(m -> m.get("body"))
                    .containsExactly("from the jar");
        });
        assertThat(file).exists();
    }
}
