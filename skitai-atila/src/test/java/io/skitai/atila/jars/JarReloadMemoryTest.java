package io.skitai.atila.jars;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reloads leave nothing behind: after 50 reloads and a full GC the JVM holds the classes of one
 * version of the app, and the metaspace grew no more than by serving as many requests without
 * reloading (plus one version), as the JVM's own counters show.
 */
class JarReloadMemoryTest {

    private static final int RELOADS = 50;
    private static final int WARM_UP = 30;
    private static final int SERVING_ALONE = 400;
    private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();

    private static long metaspaceUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed())
                .sum();
    }

    /** Full GCs until {@code unloaded} classes more than {@code since} were unloaded (or 200 tries). */
    private static void collectUntilUnloaded(long since, long unloaded) throws InterruptedException {
        for (int i = 0; i < 200 && CLASSES.getUnloadedClassCount() - since < unloaded; i++) {
            System.gc();
            Thread.sleep(20);
        }
        System.gc();
    }

    /**
     * What serving {@value #SERVING_ALONE} requests without a reload adds to the metaspace (JIT
     * profiles and the like, in the engine's and the JDK's loaders): measured before and after the
     * reloads, the larger counts.
     */
    private static long servingAlone(TestClient client) {
        long before = metaspaceUsed();
        for (int i = 0; i < SERVING_ALONE; i++) {
            client.get("/pets/");
        }
        System.gc();
        return metaspaceUsed() - before;
    }

    /** Reloads to {@code version}; the requests it took. */
    private static int reloadTo(PetsJars pets, Path jar, TestClient client, String version) throws Exception {
        pets.write(jar, version);
        return JarReloadTest.awaitAnswer(client, "/pets/", "pets " + version);
    }

    @Test
    void fiftyReloadsLeaveTheClassesAndMetaspaceOfOneVersion(@TempDir Path dir) throws Exception {
        PetsJars pets = PetsJars.compile(dir);
        Path jar = pets.write(dir.resolve("pets.jar"), "w0");
        TestKit.serve(JarReloadTest.reloading(jar), client -> {
            long unloadedAtStart = CLASSES.getUnloadedClassCount();
            for (int i = 1; i <= WARM_UP; i++) {
                reloadTo(pets, jar, client, "w" + i);
            }
            collectUntilUnloaded(unloadedAtStart, (long) WARM_UP * PetsJars.CLASSES);
            long servingBefore = servingAlone(client);
            long loaded0 = CLASSES.getLoadedClassCount();
            long unloaded0 = CLASSES.getUnloadedClassCount();
            long metaspace0 = metaspaceUsed();

            int requests = 0;
            for (int i = 1; i <= RELOADS; i++) {
                requests += reloadTo(pets, jar, client, "v" + i);
            }
            long metaspaceBeforeGc = metaspaceUsed();
            collectUntilUnloaded(unloaded0, (long) RELOADS * PetsJars.CLASSES);
            long loaded1 = CLASSES.getLoadedClassCount();
            long unloaded = CLASSES.getUnloadedClassCount() - unloaded0;
            long metaspace1 = metaspaceUsed();
            long classesPerVersion = unloaded / RELOADS;
            long metaspacePerVersion = (metaspaceBeforeGc - metaspace1) / RELOADS;

            long servingAlone = Math.max(servingBefore, servingAlone(client));
            assertThat(requests).isLessThanOrEqualTo(SERVING_ALONE);

            System.out.printf("%d reloads (%d requests): loaded classes %d -> %d, unloaded %d (%d per version);"
                            + " metaspace used %d -> %d bytes (%d before the GC, about %d per version);"
                            + " %d requests without reloads add up to %d bytes%n", RELOADS, requests, loaded0, loaded1,
                    unloaded, classesPerVersion, metaspace0, metaspace1, metaspaceBeforeGc, metaspacePerVersion,
                    SERVING_ALONE, servingAlone);
            assertThat(client.get("/pets/").text()).isEqualTo("pets v" + RELOADS);
            assertThat(unloaded).as("every replaced version's classes were unloaded")
                    .isGreaterThanOrEqualTo((long) RELOADS * PetsJars.CLASSES);
            assertThat(loaded1 - loaded0).as("loaded classes grew by less than one version").isLessThan(classesPerVersion);
            assertThat(metaspace1 - metaspace0).as("metaspace grew by less than serving alone does, plus one version")
                    .isLessThan(Math.max(servingAlone, 0) + metaspacePerVersion);
        });
    }
}
