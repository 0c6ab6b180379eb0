package io.skitai.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Exchange;
import io.skitai.core.SkitaiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code @SkitaiTest(dry = true)}: the tests target a server that is already running and leave it
 * running. Here the outer class plays the user who runs the server "in another console"; its port
 * reaches the dry class through {@link SkitaiTest#PORT_PROPERTY}.
 */
class SkitaiTestDryTest {

    private static SkitaiServer running;

    @BeforeAll
    static void runTheServerMyself() {
        running = SkitaiServer.create(config -> config.mount("/", (Exchange ex) -> ex.send("already running")));
        running.start(TestKit.run());
        System.setProperty(SkitaiTest.PORT_PROPERTY, String.valueOf(running.port()));
    }

    @Nested
    @SkitaiTest(dry = true)
    class Dry {

        @Test
        void targetsTheRunningServer(TestClient cli) {
            assertThat(cli.port()).isEqualTo(running.port());
            assertThat(cli.get("/").text()).isEqualTo("already running");
        }
    }

    @AfterAll
    static void theServerIsStillRunning() {
        try {
            assertThat(running.isRunning()).isTrue();
            try (TestClient cli = TestClient.of("127.0.0.1", running.port())) {
                assertThat(cli.get("/").text()).isEqualTo("already running");
            }
        } finally {
            System.clearProperty(SkitaiTest.PORT_PROPERTY);
            running.stop();
        }
    }
}
