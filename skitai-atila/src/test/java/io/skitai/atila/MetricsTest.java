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

        @Route("/call")
        public String call(io.skitai.was.Was was) {
            return was.get("@up/data").dispatch(5, 60).text() + " " + was.get("@gone/x").dispatch(5).status();
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

    @Test
    void upstreamCallsAndTheResultCacheAreCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ServerBuilder upstream = ServerBuilder.create();
        upstream.mount("/", (io.skitai.core.Handler) ex -> ex.send("fresh"));
        TestKit.serve(upstream, up -> {
            ServerBuilder config = ServerBuilder.create().set(Metrics.SETTING, Metrics.of(registry));
            config.alias("@up", io.skitai.core.Proto.HTTP, "127.0.0.1:" + up.port());
            config.alias("@gone", io.skitai.core.Proto.HTTP, "127.0.0.1:" + TestKit.freePort());
            config.mount("/", Atila.create().register(new Users()));
            TestKit.serve(config, cli -> {
                assertThat(cli.get("/call").text()).isEqualTo("fresh 2");
                assertThat(cli.get("/call").text()).as("the second answer from the result cache").isEqualTo("fresh 2");
            });
        });
        Timer up = registry.find("skitai.upstream.calls").tags("alias", "@up", "outcome", "normal", "http", "2xx").timer();
        assertThat(up).isNotNull();
        assertThat(up.count()).as("one call; the second was a cache hit").isEqualTo(1);
        assertThat(up.getId().getTag("member")).startsWith("127.0.0.1:");
        assertThat(registry.find("skitai.upstream.calls").tags("alias", "@gone", "outcome", "exception", "http", "-").timer().count())
                .as("a refused member").isEqualTo(2);
        assertThat(registry.find("skitai.cache.results").tags("result", "hit").functionCounter().count()).isGreaterThanOrEqualTo(1);
    }
}
