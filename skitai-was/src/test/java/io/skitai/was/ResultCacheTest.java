package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Proto;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestKit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The result cache: hits that never reach the upstream (counted there), useCache, HTTP cache headers. */
class ResultCacheTest {

    private static RawUpstream counter(String cacheControl) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return RawUpstream.start(ex -> {
            if (cacheControl != null) {
                ex.getResponseHeaders().put(io.undertow.util.Headers.CACHE_CONTROL, cacheControl);
            }
            RawUpstream.send(ex, 200, "application/json", "{\"n\":" + n.incrementAndGet() + "}");
        });
    }

    @Test
    void cachedResultsDoNotReachTheUpstream() {
        try (RawUpstream up = counter(null)) {
            ServerBuilder server = ServerBuilder.create();
            server.alias("@api", Proto.HTTP, up.member());
            server.mount("/", ex -> {
                Was was = Was.current();
                List<Object> seen = new ArrayList<>();
                seen.add(was.get("@api/n").dispatch(5, 60).data());      // cached for 60 s
                seen.add(was.get("@api/n").dispatch(5).data());          // from the cache
                Call direct = was.get("@api/other");
                seen.add(direct.dispatch(5).data());
                direct.cache(60);                                          // request.cache(..) after dispatch
                seen.add(was.get("@api/other").dispatch(5).data());
                seen.add(was.useCache(false).get("@api/n").dispatch(5).data());
                ex.json(seen);
            });
            TestKit.serve(server, cli -> {
                assertThat(cli.get("/").text()).isEqualTo("[{\"n\":1},{\"n\":1},{\"n\":2},{\"n\":2},{\"n\":3}]");
                assertThat(up.hits()).isEqualTo(3);
                // a second client request is served from the same server-wide cache
                assertThat(cli.get("/").text()).isEqualTo("[{\"n\":1},{\"n\":1},{\"n\":2},{\"n\":2},{\"n\":4}]");
                assertThat(up.hits()).isEqualTo(4);
            });
        }
    }

    @Test
    void aNewerLastUpdateInvalidatesTheCachedResult() {
        try (RawUpstream up = counter(null)) {
            ServerBuilder server = ServerBuilder.create();
            server.alias("@api", Proto.HTTP, up.member());
            server.mount("/", ex -> {
                Was was = Was.current();
                Instant before = Instant.now().minusSeconds(60);
                Object first = was.useCache(before).get("@api/rows").dispatch(5, 60).data();
                Object stillCached = was.useCache(before).get("@api/rows").dispatch(5).data();
                Thread.sleep(5);
                Instant updated = Instant.now();       // the data changed after the result was cached
                Object refreshed = was.useCache(updated).get("@api/rows").dispatch(5, 60).data();
                Object cachedAgain = was.useCache(updated.toEpochMilli()).get("@api/rows").dispatch(5).data();
                ex.json(List.of(first, stillCached, refreshed, cachedAgain));
            });
            TestKit.serve(server, cli -> {
                assertThat(cli.get("/").text()).isEqualTo("[{\"n\":1},{\"n\":1},{\"n\":2},{\"n\":2}]");
                assertThat(up.hits()).isEqualTo(2);
            });
        }
    }

    @Test
    void getAnswersAreCachedAsTheirCacheControlSays() {
        try (RawUpstream fresh = counter("public, max-age=60"); RawUpstream noStore = counter("no-store")) {
            ServerBuilder server = ServerBuilder.create();
            server.mount("/", ex -> {
                Was was = Was.current();
                for (int i = 0; i < 3; i++) {
                    was.get(fresh.url("/x")).dispatchOrThrow();
                    was.get(noStore.url("/x")).dispatchOrThrow();
                    was.post(fresh.url("/x"), Map.of()).dispatchOrThrow();   // POSTs are not cached by headers
                }
                ex.send("ok");
            });
            TestKit.serve(server, cli -> {
                assertThat(cli.get("/").text()).isEqualTo("ok");
                assertThat(fresh.hits()).isEqualTo(1 + 3);
                assertThat(noStore.hits()).isEqualTo(3);
            });
        }
    }

    @Test
    void maxRcacheZeroTurnsTheCacheOff() {
        try (RawUpstream up = counter("max-age=60")) {
            ServerBuilder server = ServerBuilder.create().setMaxRcache(0);
            server.mount("/", ex -> {
                Was was = Was.current();
                was.get(up.url("/x")).dispatch(5, 60);
                was.get(up.url("/x")).dispatch(5, 60);
                ex.send("ok");
            });
            TestKit.serve(server, cli -> {
                assertThat(cli.get("/").text()).isEqualTo("ok");
                assertThat(up.hits()).isEqualTo(2);
            });
        }
    }
}
