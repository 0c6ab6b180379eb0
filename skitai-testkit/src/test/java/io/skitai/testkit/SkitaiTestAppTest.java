package io.skitai.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.apps.GreeterMain;
import io.skitai.testkit.internal.FreePorts;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code @SkitaiTest(app = ...)}: the app's main runs in a child JVM on a port the testkit picks,
 * whatever port its {@code Skitai.run} names, and is gone after the class. The outer class checks
 * the "gone" part after the nested class's server has been stopped.
 */
class SkitaiTestAppTest {

    private static volatile long childPid;
    private static volatile int childPort;

    @Nested
    @SkitaiTest(app = GreeterMain.class, args = "--greeting=hi", jvmArgs = "-Dgreeter.flag=on")
    class InAChildJvm {

        @Test
        void servesTheAppOnTheChosenPortNotItsOwn(TestClient cli) {
            TestResponse r = cli.get("/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("hi from the child JVM");

            Map<String, Object> info = cli.get("/info").data();
            long pid = ((Number) info.get("pid")).longValue();
            assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(info.get("port")).isEqualTo(cli.port());
            assertThat(cli.port()).isNotEqualTo(5000);
            assertThat(info).containsEntry("property", "on");
            childPid = pid;
            childPort = cli.port();
        }
    }

    @AfterAll
    static void theChildIsGoneAfterItsClass() {
        assertThat(childPid).as("the nested test recorded the child's pid").isPositive();
        assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive).orElse(false))
                .as("child JVM %d still alive", childPid).isFalse();
        assertThat(FreePorts.accepts(FreePorts.LOOPBACK, childPort, Duration.ofMillis(500)))
                .as("port %d still accepts connections", childPort).isFalse();
    }
}
