package io.skitai.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.Exchange;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.apps.GreeterMain;
import io.skitai.testkit.apps.SilentMain;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The child-JVM launcher's failure paths. */
class ChildJvmServerTest {

    @Test
    void killsAChildThatNeverListensAndShowsItsOutput() {
        int before = ChildProcesses.alive();
        assertThatThrownBy(() -> ChildJvmServer.start(SilentMain.class, 0, List.of(), List.of(), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("SKITAI-T008")
                .hasMessageContaining("within 2 s")
                .hasMessageContaining("SILENT-MAIN-MARKER: thinking");
        assertThat(ChildProcesses.alive()).isEqualTo(before);
    }

    @Test
    void refusesAPortSomethingElseListensOn() {
        ServerBuilder other = ServerBuilder.create();
        other.mount("/", (Exchange ex) -> ex.send("other"));
        TestKit.serve(other, cli -> assertThatThrownBy(() ->
                ChildJvmServer.start(GreeterMain.class, cli.port(), List.of(), List.of(), Duration.ofSeconds(5)))
                .hasMessageStartingWith("SKITAI-T006").hasMessageContaining("dry = true"));
    }

    @Test
    void refusesAClassWithoutMain() {
        assertThatThrownBy(() -> ChildJvmServer.start(String.class, 0, List.of(), List.of(), Duration.ofSeconds(1)))
                .hasMessageStartingWith("SKITAI-T010");
    }

    @Test
    void startsAndStopsAChildOnAFixedPort() {
        int port = TestKit.freePort();
        ChildJvmServer child = ChildJvmServer.start(GreeterMain.class, port, List.of(), List.of(), ChildJvmServer.START_TIMEOUT);
        try (TestClient cli = TestClient.of(child.host(), child.port())) {
            assertThat(child.port()).isEqualTo(port);
            assertThat(cli.get("/").text()).isEqualTo("hello from the child JVM");
            assertThat(child.log().toString()).endsWith("GreeterMain-" + port + ".log");
        } finally {
            child.close();
        }
        assertThat(child.isAlive()).isFalse();
        assertThat(FreePorts.accepts(FreePorts.LOOPBACK, port, Duration.ofMillis(300))).isFalse();
        child.close();
    }

    @Test
    void buildsTheDocumentedCommandLine() {
        List<String> command = ChildJvmServer.command(GreeterMain.class, 6000, List.of("--x"), List.of("-Da=b"));
        assertThat(command.get(0)).endsWith("/bin/java");
        assertThat(command.subList(1, 4)).containsExactly("-Da=b", "-cp", System.getProperty("java.class.path"));
        assertThat(command.subList(4, command.size())).containsExactly(GreeterMain.class.getName(),
                "--skitai-port=6000", "--skitai-address=127.0.0.1", "--x");
    }
}
