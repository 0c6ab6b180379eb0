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

                    @Route("/")
                    public String index() { return "pets " + VERSION; }

                    @Route("/slow")
                    public String slow() throws InterruptedException {
                        Witness.slowEntered.countDown();
                        Witness.slowRelease.await();
                        return "slow " + VERSION;
                    }

                    @Mounted
                    public void mounted() {
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

    /** Classes a version defines from the jar (hidden classes Atila makes for routes come on top). */
    static final int CLASSES = 2;

    private final AppJars compiled;

    private PetsJars(AppJars compiled) {
        this.compiled = compiled;
    }

    static PetsJars compile(Path work) throws IOException {
        return new PetsJars(AppJars.compile(work, Map.of("pets.PetsExport", SOURCE))
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
