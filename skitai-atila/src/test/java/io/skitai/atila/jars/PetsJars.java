package io.skitai.atila.jars;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The "pets" app of the jar tests, compiled once: an Atila app exported through
 * {@code META-INF/services} whose version (and whether its start fails) comes from resources, so
 * each jar written is one more version of the same classes.
 */
final class PetsJars {

    static final String SOURCE = """
            package pets;

            import io.skitai.atila.*;
            import io.skitai.atila.jars.Witness;
            import io.skitai.core.App;
            import io.skitai.core.ExportedApp;
            import java.io.InputStream;
            import java.nio.charset.StandardCharsets;

            public class PetsExport implements ExportedApp {
                public String name() { return "pets"; }
                public App app() { return Atila.create().register(new Pets()); }

                static String resource(String name) {
                    try (InputStream in = PetsExport.class.getResourceAsStream("/pets/" + name)) {
                        return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }

                public static class Pets {
                    static final String VERSION = resource("version.txt");
                    static final int PARTS = %d;

                    @Route("/")
                    public String index() { return "pets " + VERSION; }

                    @Route("/slow")
                    public String slow() throws InterruptedException {
                        Witness.slowEntered.countDown();
                        Witness.slowRelease.await();
                        return "slow " + VERSION;
                    }

                    @Mounted
                    public void mounted() throws ClassNotFoundException {
                        for (int i = 0; i < PARTS; i++) {
                            Class.forName("pets.Part" + i, true, Pets.class.getClassLoader());
                        }
                        if (resource("fail.txt").equals("true")) {
                            throw new IllegalStateException("pets " + VERSION + " refuses to start");
                        }
                        Witness.EVENTS.add(VERSION + " mounted");
                    }

                    @BeforeReload
                    public void beforeReload() { Witness.EVENTS.add(VERSION + " beforeReload"); }

                    @Reloaded
                    public void reloaded() { Witness.EVENTS.add(VERSION + " reloaded"); }

                    @Umounted
                    public void umounted() { Witness.EVENTS.add(VERSION + " umounted"); }
                }
            }
            """;

    /** Small classes each version loads at start, so a version weighs like a small real app. */
    static final int PARTS = 40;

    /** Classes a version defines from the jar. */
    static final int CLASSES = 2 + PARTS;

    private static final String PART = """
            package pets;

            public class Part%1$d {
                private final String name = "part %1$d";
                public String name() { return name + " of " + getClass().getClassLoader().getName(); }
                @Override public String toString() { return name(); }
            }
            """;

    private final AppJars compiled;

    private PetsJars(AppJars compiled) {
        this.compiled = compiled;
    }

    static PetsJars compile(Path work) throws IOException {
        Map<String, String> sources = new java.util.HashMap<>();
        sources.put("pets.PetsExport", SOURCE.formatted(PARTS));
        for (int i = 0; i < PARTS; i++) {
            sources.put("pets.Part" + i, PART.formatted(i));
        }
        return new PetsJars(AppJars.compile(work, sources)
                .resource("META-INF/services/io.skitai.core.ExportedApp", "pets.PetsExport\n"));
    }

    /** Writes version {@code version} to {@code jar} (atomically). */
    Path write(Path jar, String version) throws IOException {
        return compiled.resource("pets/version.txt", version).resource("pets/fail.txt", "false").writeTo(jar);
    }

    /** Writes a version whose start throws. */
    Path writeFailing(Path jar, String version) throws IOException {
        return compiled.resource("pets/version.txt", version).resource("pets/fail.txt", "true").writeTo(jar);
    }
}
