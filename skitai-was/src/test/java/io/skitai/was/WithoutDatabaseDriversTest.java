package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.Db;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The database drivers are optional dependencies of skitai-was: without them, {@code Was} still
 * loads and links, and a call to a database alias fails with a message naming the artifact to add.
 */
class WithoutDatabaseDriversTest {

    @Test
    void wasWorksWithoutDriversAndEachEngineSaysWhatToAdd() throws Exception {
        ClassLoader without = new HidingClassLoader(getClass().getClassLoader(),
                "io.r2dbc.", "org.postgresql.", "org.sqlite.", "io.lettuce.", "com.mongodb.", "org.jooq.");
        Class<?> was = Class.forName("io.skitai.was.Was", true, without);
        assertThat(was.getMethods()).extracting(Method::getName).contains("backend", "redis", "mongodb", "transaction");
        Class<?> drivers = Class.forName("io.skitai.was.internal.Drivers", true, without);
        Method require = drivers.getDeclaredMethod("require", Db.class);
        require.setAccessible(true);
        Map<Db, String> artifacts = Map.of(Db.SQLITE3, "org.xerial:sqlite-jdbc", Db.REDIS, "io.lettuce:lettuce-core",
                Db.MONGODB, "org.mongodb:mongodb-driver-reactivestreams");
        artifacts.forEach((db, artifact) -> assertThatThrownBy(() -> require.invoke(null, db))
                .isInstanceOf(InvocationTargetException.class).cause().isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("SKITAI-W030").hasMessageContaining(artifact));
        Class<?> driver = Class.forName("io.skitai.was.PostgresDriver", true, without);
        Method postgres = drivers.getDeclaredMethod("postgres", driver);
        postgres.setAccessible(true);
        Map<String, String> postgresArtifacts = Map.of("PGJDBC", "org.postgresql:postgresql",
                "R2DBC", "org.postgresql:r2dbc-postgresql and io.r2dbc:r2dbc-pool");
        for (Object each : driver.getEnumConstants()) {
            assertThatThrownBy(() -> postgres.invoke(null, each))
                    .isInstanceOf(InvocationTargetException.class).cause().isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("SKITAI-W030").hasMessageContaining(postgresArtifacts.get(each.toString()));
        }
    }
}
