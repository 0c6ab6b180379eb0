package io.skitai.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.skitai.core.Exchange;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.apps.FailingMain;
import io.skitai.testkit.apps.GreeterMain;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Misused or failing @SkitaiTest classes fail with a message that says what to do. */
class SkitaiExtensionFailuresTest {

    @OnlyInEngineTestKit
    @SkitaiTest
    static class NoServerSource {
        @Test
        void test(TestClient cli) {}
    }

    @OnlyInEngineTestKit
    @SkitaiTest(app = GreeterMain.class)
    static class TwoServerSources {
        @TestServer
        static ServerBuilder server() {
            return ServerBuilder.create();
        }

        @Test
        void test(TestClient cli) {}
    }

    @OnlyInEngineTestKit
    @SkitaiTest
    static class NonStaticFactory {
        @TestServer
        ServerBuilder server() {
            return ServerBuilder.create();
        }

        @Test
        void test(TestClient cli) {}
    }

    @OnlyInEngineTestKit
    @SkitaiTest(dry = true)
    static class DryWithoutPort {
        @Test
        void test(TestClient cli) {}
    }

    @OnlyInEngineTestKit
    @SkitaiTest(dry = true, port = 1)
    static class DryWithNothingListening {
        @Test
        void test(TestClient cli) {}
    }

    @OnlyInEngineTestKit
    @SkitaiTest(app = FailingMain.class)
    static class AppThatDies {
        @Test
        void test(TestClient cli) {}
    }

    @OnlyInEngineTestKit
    @SkitaiTest(dry = true)
    static class ServerInjectionWhenDry {
        @Test
        void test(SkitaiServer server) {}
    }

    @OnlyInEngineTestKit
    @SkitaiTest
    static class StopsAfterTheClass {
        static SkitaiServer server;

        @TestServer
        static SkitaiServer server() {
            server = SkitaiServer.create(config -> config.mount("/", (Exchange ex) -> ex.send("x")));
            return server;
        }

        @Test
        void test(TestClient cli) {
            assertThat(cli.get("/").text()).isEqualTo("x");
        }
    }

    private static String failureOf(Class<?> fixture) {
        List<Event> failures = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(OnlyInEngineTestKit.PARAMETER, "true")
                .selectors(selectClass(fixture))
                .execute()
                .allEvents()
                .failed()
                .list();
        assertThat(failures).as("failures of %s", fixture.getSimpleName()).isNotEmpty();
        Throwable t = failures.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow();
        return t.getMessage();
    }

    @Test
    void saysWhereAServerCanComeFrom() {
        assertThat(failureOf(NoServerSource.class)).startsWith("SKITAI-T001").contains("@TestServer", "app = ", "dry = true");
    }

    @Test
    void refusesTwoServerSources() {
        assertThat(failureOf(TwoServerSources.class)).startsWith("SKITAI-T002").contains("GreeterMain", "server()");
    }

    @Test
    void showsHowToWriteTheFactory() {
        assertThat(failureOf(NonStaticFactory.class)).startsWith("SKITAI-T003").contains("is not static", "@TestServer static SkitaiServer");
    }

    @Test
    void asksADryTestForItsPort() {
        String old = System.clearProperty(SkitaiTest.PORT_PROPERTY);
        try {
            assertThat(failureOf(DryWithoutPort.class)).startsWith("SKITAI-T004").contains("-Dskitai.test.port=");
        } finally {
            if (old != null) {
                System.setProperty(SkitaiTest.PORT_PROPERTY, old);
            }
        }
    }

    @Test
    void saysWhenNothingListensForADryTest() {
        assertThat(failureOf(DryWithNothingListening.class)).startsWith("SKITAI-T005").contains("127.0.0.1:1");
    }

    @Test
    void showsTheOutputOfAnAppThatDies() {
        assertThat(failureOf(AppThatDies.class)).startsWith("SKITAI-T007")
                .contains("exited with status 3", "FAILING-MAIN-MARKER: configuration is broken", "starting up");
    }

    @Test
    void injectsNoServerItDidNotStart() {
        TestKit.serve((Exchange ex) -> ex.send("x"), cli -> {
            System.setProperty(SkitaiTest.PORT_PROPERTY, String.valueOf(cli.port()));
            try {
                assertThat(failureOf(ServerInjectionWhenDry.class)).startsWith("SKITAI-T011").contains("is dry");
            } finally {
                System.clearProperty(SkitaiTest.PORT_PROPERTY);
            }
        });
    }

    @Test
    void stopsTheServerAfterTheClass() {
        var results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(OnlyInEngineTestKit.PARAMETER, "true")
                .selectors(selectClass(StopsAfterTheClass.class))
                .execute();
        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertThat(StopsAfterTheClass.server.isRunning()).isFalse();
    }

    @Test
    void skipsFixturesOutsideTheEngineTestKit() {
        var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(NoServerSource.class)).execute();
        results.containerEvents().assertStatistics(stats -> stats.skipped(1).failed(0));
    }
}
