package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skitai.core.Metrics;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import org.junit.jupiter.api.Test;

/** Request metrics on a real server: timers by mount, route template (never the raw path), method and status class. */
class MetricsTest {

    /** Two routes with path variables. */
    public static final class Users {
        @Route("/users/{id:int}")
        public String user(int id) {
            return "user " + id;
        }

        @Route(value = "/users", methods = Method.POST)
        public String create() {
            return "made";
        }
    }

    @Test
    void requestsAreTimedByRouteTemplateNotByPath() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ServerBuilder config = ServerBuilder.create().set(Metrics.SETTING, Metrics.of(registry));
        config.mount("/api", Atila.create().register(new Users()));
        config.mount("/plain", (io.skitai.core.Handler) ex -> ex.send("plain"));
        TestKit.serve(config, cli -> {
            for (int id = 1; id <= 5; id++) {
                assertThat(cli.get("/api/users/" + id).status()).isEqualTo(200);
            }
            cli.post("/api/users", java.util.Map.of());
            cli.get("/api/nothing");
            cli.get("/plain/x");
        });
        Timer users = registry.find("skitai.http.requests").tags("mount", "/api", "route", "/users/{id:int}", "method", "GET",
                "status", "2xx").timer();
        assertThat(users).as("one timer for the template").isNotNull();
        assertThat(users.count()).isEqualTo(5);
        assertThat(registry.find("skitai.http.requests").tags("route", "/users", "method", "POST").timer().count()).isEqualTo(1);
        assertThat(registry.find("skitai.http.requests").tags("mount", "/api", "route", "-", "status", "4xx").timer().count())
                .as("a path no route serves").isEqualTo(1);
        assertThat(registry.find("skitai.http.requests").tags("mount", "/plain", "route", "-").timer().count()).isEqualTo(1);
        assertThat(registry.getMeters()).extracting(m -> m.getId().getTag("route"))
                .as("no raw path in any tag").noneMatch(r -> r != null && r.matches(".*/users/[0-9]+.*"));
        assertThat(registry.find("jvm.memory.used").gauges()).as("the JVM binders").isNotEmpty();
    }
}
