package io.skitai.atila.jars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.Pref;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.core.StartupException;
import io.skitai.testkit.TestKit;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apps a library exports through ServiceLoader, mounted by name or class with a pref. */
class ExportedAppTest {

    private static Pref greeting(Path dir, String file, String text) throws Exception {
        Pref pref = Pref.create();
        pref.config().put("greetingFile", Files.writeString(dir.resolve(file), text + "\n").toString());
        return pref;
    }

    @Test
    void mountsAnExportedAppByNameAndByClassWithItsPrefBootstrapped(@TempDir Path dir) throws Exception {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/v1", "greeter", greeting(dir, "a.txt", "hello"));
        config.mount("/v2", GreeterExport.class, greeting(dir, "b.txt", "bonjour"));
        TestKit.serve(config, client -> {
            assertThat(client.get("/v1/").text()).isEqualTo("hello");
            assertThat(client.get("/v2/").text()).isEqualTo("bonjour");
        });
    }

    @Test
    void anUnknownNameFailsTheStartListingTheExportedOnes(@TempDir Path dir) throws Exception {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/v1", "petz", greeting(dir, "a.txt", "hello"));
        SkitaiServer server = SkitaiServer.create(config.build());
        assertThatThrownBy(() -> server.start(TestKit.run()))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("SKITAI-C140")
                .hasMessageContaining("'petz'")
                .hasMessageContaining("exported: greeter");
        assertThat(server.isRunning()).isFalse();
    }
}
