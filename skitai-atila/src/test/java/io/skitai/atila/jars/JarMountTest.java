package io.skitai.atila.jars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.core.StartupException;
import io.skitai.testkit.TestKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** App jars mounted by their path, each in its own class loader. */
class JarMountTest {

    private static final String VERSIONED = """
            package pets;

            import io.skitai.atila.Atila;
            import io.skitai.atila.Route;
            import io.skitai.core.App;
            import io.skitai.core.Handler;
            import io.skitai.core.MountInfo;

            public class PetsApp implements App {
                private final Atila atila = Atila.create().register(new Pets());
                public Handler start(MountInfo mount) throws Exception { return atila.start(mount); }
                public void stop() throws Exception { atila.stop(); }

                public static class Pets {
                    static int served;

                    @Route("/")
                    public String index() { return "pets %s"; }

                    @Route("/loader")
                    public String loader() { return Pets.class.getClassLoader().getName() + " " + (++served); }
                }
            }
            """;

    private static Path versioned(Path dir, String version) throws Exception {
        return AppJars.compile(dir, Map.of("pets.PetsApp", VERSIONED.formatted(version)))
                .attribute("Skitai-App", "pets.PetsApp")
                .writeTo(dir.resolve("pets-" + version + ".jar"));
    }

    @Test
    void twoVersionsOfOneAppServeSideBySide(@TempDir Path dir) throws Exception {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/v1", versioned(dir, "1.0"));
        config.mount("/v2", versioned(dir, "2.0"));
        config.mount("/static", Files.createDirectories(dir.resolve("static")));
        Files.writeString(dir.resolve("static/a.txt"), "a static file");
        TestKit.serve(config, client -> {
            assertThat(client.get("/v1/").text()).isEqualTo("pets 1.0");
            assertThat(client.get("/v2/").text()).isEqualTo("pets 2.0");
            assertThat(client.get("/v1/loader").text()).isEqualTo("skitai-app pets-1.0.jar#1 1");
            assertThat(client.get("/v1/loader").text()).isEqualTo("skitai-app pets-1.0.jar#1 2");
            assertThat(client.get("/v2/loader").text()).as("the same class, another loader, its own static")
                    .isEqualTo("skitai-app pets-2.0.jar#1 1");
            assertThat(client.get("/static/a.txt").text()).isEqualTo("a static file");
        });
        assertThat(Files.list(dir.resolve("static")).count()).isOne();
    }

    @Test
    void aJarDeclaringItsAppInServicesIsFoundWithoutAManifestAttribute(@TempDir Path dir) throws Exception {
        Path jar = PetsJars.compile(dir).write(dir.resolve("pets.jar"), "v7");
        ServerBuilder config = ServerBuilder.create();
        config.mount("/pets", jar);
        TestKit.serve(config, client -> assertThat(client.get("/pets/").text()).isEqualTo("pets v7"));
        assertThat(Witness.EVENTS).contains("v7 mounted", "v7 umounted");
    }

    @Test
    void aMissingJarOrOneWithoutAnAppFailsTheStart(@TempDir Path dir) throws Exception {
        ServerBuilder missing = ServerBuilder.create();
        missing.mount("/v1", dir.resolve("nowhere-1.0.jar"));
        assertThatThrownBy(() -> SkitaiServer.create(missing.build()).start(TestKit.run()))
                .isInstanceOf(StartupException.class).hasMessageContaining("SKITAI-C143").hasMessageContaining("nowhere-1.0.jar");

        Path empty = AppJars.compile(dir, Map.of("lib.Util", "package lib; public class Util {}"))
                .writeTo(dir.resolve("lib.jar"));
        ServerBuilder noApp = ServerBuilder.create();
        noApp.mount("/lib", empty);
        assertThatThrownBy(() -> SkitaiServer.create(noApp.build()).start(TestKit.run()))
                .isInstanceOf(StartupException.class).hasMessageContaining("SKITAI-C142").hasMessageContaining("Skitai-App");
    }
}
