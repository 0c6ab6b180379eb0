package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.ServerBuilder;
import io.skitai.testkit.EmbeddedRedis;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two servers sharing their state on one Redis (as two machines would): a session written on one is
 * read on the other, and a token revoked on one is gone on the other. Skipped where the embedded
 * redis-server cannot run.
 */
class SessionsOnRedisTest {

    @RegisterExtension
    static final EmbeddedRedis REDIS = new EmbeddedRedis();

    private static ServerBuilder machine() {
        ServerBuilder config = ServerBuilder.create();
        config.processes().shareStateOnRedis(REDIS.uri(0));
        config.set(SessionConfig.SETTING, SessionConfig.shared("a-secret-both-machines-share-0123456789").secureCookie(false));
        config.mount("/", ex -> {
            Was was = Was.current();
            switch (ex.pathInfo()) {
                case "/put" -> {
                    was.session().put("cart", ex.query("v").orElseThrow());
                    ex.send("ok");
                }
                case "/get" -> ex.send(String.valueOf(was.session().get("cart").orElse("-")));
                case "/mk" -> ex.send(was.mktoken(Map.of("user", "ann"), Duration.ofMinutes(1)));
                case "/rm" -> ex.send(String.valueOf(was.rmtoken(ex.query("t").orElseThrow())));
                default -> ex.send(String.valueOf(was.detoken(ex.query("t").orElseThrow()).map(c -> c.get("user")).orElse("-")));
            }
        });
        return config;
    }

    @Test
    void sessionsAndTokensAreSharedAcrossMachines() {
        TestKit.serve(machine(), one -> TestKit.serve(machine(), two -> {
            TestResponse put = one.get("/put?v=3-apples");
            String session = SessionsTest.cookie(put, "SKITAI_SESSION");
            assertThat(two.request("GET", "/get").header("Cookie", session).send().text()).isEqualTo("3-apples");
            String token = one.get("/mk").text();
            assertThat(two.get("/de?t=" + token).text()).isEqualTo("ann");
            assertThat(two.get("/rm?t=" + token).text()).isEqualTo("true");
            assertThat(one.get("/de?t=" + token).text()).as("revoked on the other machine").isEqualTo("-");
        }));
    }
}
