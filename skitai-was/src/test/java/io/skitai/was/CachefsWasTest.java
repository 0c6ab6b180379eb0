package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Proto;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestKit;
import io.undertow.util.Headers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code was.get(..)} through the cache file system ({@code enableCachefs}), the result cache off. */
class CachefsWasTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Long> stats(SkitaiServer server) {
        return (Map<String, Long>) server.status().sections().get("cachefs");
    }

    private static ServerBuilder server(RawUpstream up) {
        ServerBuilder config = ServerBuilder.create().setMaxRcache(0);
        config.alias("@api", Proto.HTTP, up.member());
        config.enableCachefs(1 << 20, 0, null);
        return config;
    }

    @Test
    void repeatedGetsAreAnsweredFromTheCache() {
        AtomicInteger n = new AtomicInteger();
        try (RawUpstream up = RawUpstream.start(ex -> {
            ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "max-age=60");
            RawUpstream.send(ex, 200, "application/json", "{\"n\":" + n.incrementAndGet() + "}");
        })) {
            ServerBuilder config = server(up);
            config.mount("/", ex -> {
                List<Object> seen = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    seen.add(Was.current().get("@api/n").dispatchOrThrow().data());
                }
                List<Object> distinct = new ArrayList<>(seen.stream().distinct().toList());
                Was.current().post("@api/n", Map.of()).dispatchOrThrow();         // invalidates @api/n
                distinct.add(Was.current().get("@api/n").dispatchOrThrow().data());
                ex.json(distinct);
            });
            SkitaiServer server = SkitaiServer.create(config.build());
            TestKit.serve(server, cli -> {
                assertThat(cli.get("/").text()).isEqualTo("[{\"n\":1},{\"n\":3}]");
                assertThat(up.hits()).as("upstream requests: 100 was.get, a POST, one more GET").isEqualTo(3);
                assertThat(stats(server)).containsEntry("hits", 99L);
                System.out.println("cachefs was: 100 was.get, upstream saw 1, then POST + GET; " + stats(server));
            });
        }
    }

    @Test
    void aStaleResultIsRevalidatedAndA304GivesTheKeptResult() {
        AtomicInteger n = new AtomicInteger();
        List<String> conditional = new CopyOnWriteArrayList<>();
        try (RawUpstream up = RawUpstream.start(ex -> {
            ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "max-age=0").put(Headers.ETAG, "\"r1\"");
            String inm = ex.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH);
            if (inm != null) {
                conditional.add(inm);
                ex.setStatusCode(304);
                ex.endExchange();
                return;
            }
            RawUpstream.send(ex, 200, "application/json", "{\"n\":" + n.incrementAndGet() + "}");
        })) {
            ServerBuilder config = server(up);
            config.mount("/", ex -> {
                List<Object> seen = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    Result r = Was.current().get("@api/r").dispatchOrThrow();
                    seen.add(r.statusCode() + " " + r.text());
                }
                ex.json(seen);
            });
            TestKit.serve(config, cli -> {
                assertThat(cli.get("/").text()).isEqualTo("[\"200 {\\\"n\\\":1}\",\"200 {\\\"n\\\":1}\",\"200 {\\\"n\\\":1}\"]");
                assertThat(up.hits()).isEqualTo(3);
                assertThat(conditional).containsExactly("\"r1\"", "\"r1\"");
            });
        }
    }

    @Test
    void answersToCredentialsAreNotSharedUnlessPublic() {
        AtomicInteger n = new AtomicInteger();
        try (RawUpstream up = RawUpstream.start(ex -> {
            ex.getResponseHeaders().put(Headers.CACHE_CONTROL, ex.getRequestPath().equals("/public") ? "public, max-age=60" : "max-age=60");
            RawUpstream.send(ex, 200, "text/plain", "#" + n.incrementAndGet());
        })) {
            ServerBuilder config = server(up);
            config.mount("/", ex -> {
                Was was = Was.current();
                List<Object> seen = new ArrayList<>();
                for (String who : List.of("alice", "bob")) {
                    seen.add(was.get("@api/mine", Map.of("Authorization", "Bearer " + who)).dispatchOrThrow().text());
                }
                for (String who : List.of("alice", "bob")) {
                    seen.add(was.get("@api/public", Map.of("Authorization", "Bearer " + who)).dispatchOrThrow().text());
                }
                ex.json(seen);
            });
            TestKit.serve(config, cli -> {
                assertThat(cli.get("/").text()).isEqualTo("[\"#1\",\"#2\",\"#3\",\"#3\"]");
                assertThat(up.hits()).isEqualTo(3);
            });
        }
    }
}
