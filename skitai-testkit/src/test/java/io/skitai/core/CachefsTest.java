package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache file system in front of the reverse proxy ({@code enableCachefs}), on real sockets. */
class CachefsTest {

    @TempDir
    Path dir;

    /** What the upstream was asked: requests per path, and the If-None-Match values it saw. */
    private static final class Seen {
        final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
        final List<String> ifNoneMatch = new java.util.concurrent.CopyOnWriteArrayList<>();

        int of(String path) {
            return hits.getOrDefault(path, new AtomicInteger()).get();
        }
    }

    /** An upstream whose paths answer with the cache headers they are named after. */
    private static ServerBuilder upstream(Seen seen) {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/", ex -> {
            String path = ex.path();
            int n = seen.hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            ex.header("Content-Type", "text/plain");
            switch (path) {
                case "/etag" -> {
                    ex.header("Cache-Control", "no-cache").header("ETag", "\"v1\"");
                    String inm = ex.header("If-None-Match").orElse(null);
                    if (inm != null) {
                        seen.ifNoneMatch.add(inm);
                        ex.status(304).send(new byte[0]);
                        return;
                    }
                }
                case "/nostore" -> ex.header("Cache-Control", "no-store, max-age=60");
                case "/private" -> ex.header("Cache-Control", "private, max-age=60");
                case "/cookie" -> ex.header("Cache-Control", "max-age=60").header("Set-Cookie", "sid=" + n);
                case "/public" -> ex.header("Cache-Control", "public, max-age=60");
                case "/vary" -> {
                    ex.header("Cache-Control", "max-age=60").header("Vary", "Accept-Language");
                    ex.send("lang " + ex.header("Accept-Language").orElse("-") + " #" + n);
                    return;
                }
                default -> ex.header("Cache-Control", "max-age=60");
            }
            ex.send(path + " #" + n);
        });
        return config;
    }

    private static ServerBuilder proxy(int upstreamPort, long memmax, long diskmax, Path path) {
        ServerBuilder config = ServerBuilder.create();
        config.alias("@up", Proto.HTTP, "127.0.0.1:" + upstreamPort);
        config.mount("/", "@up");
        config.enableCachefs(memmax, diskmax, path);
        return config;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> stats(SkitaiServer server) {
        return (Map<String, Long>) server.status().sections().get("cachefs");
    }

    private static List<Path> entries(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".entry")).toList();
        }
    }

    @Test
    void aHundredGetsReachTheUpstreamOnceAndAPostInvalidates() {
        Seen seen = new Seen();
        TestKit.serve(upstream(seen), up -> {
            SkitaiServer server = SkitaiServer.create(proxy(up.port(), 1 << 20, 0, null).build());
            TestKit.serve(server, cli -> {
                for (int i = 0; i < 100; i++) {
                    TestResponse r = cli.get("/fresh");
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.text()).isEqualTo("/fresh #1");
                    if (i > 0) {
                        assertThat(r.header("Age")).as("a hit says its age").isPresent();
                    }
                }
                assertThat(seen.of("/fresh")).as("upstream requests for 100 GETs").isEqualTo(1);
                assertThat(stats(server)).containsEntry("hits", 99L).containsEntry("stored", 1L);
                System.out.println("cachefs proxy: 100 GETs, upstream saw " + seen.of("/fresh") + "; " + stats(server));
                assertThat(cli.post("/fresh", Map.of("x", 1)).status()).isEqualTo(200);
                assertThat(cli.get("/fresh").text()).as("the POST invalidated it").isEqualTo("/fresh #3");
                assertThat(cli.get("/fresh").text()).isEqualTo("/fresh #3");
                assertThat(seen.of("/fresh")).isEqualTo(3);
            });
        });
    }

    @Test
    void aStaleEntryIsRevalidatedAndA304GivesTheClientTheKeptBody() {
        Seen seen = new Seen();
        TestKit.serve(upstream(seen), up -> {
            SkitaiServer server = SkitaiServer.create(proxy(up.port(), 1 << 20, 0, null).build());
            TestKit.serve(server, cli -> {
                for (int i = 0; i < 5; i++) {
                    TestResponse r = cli.get("/etag");
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.text()).as("the first answer's body, kept").isEqualTo("/etag #1");
                    assertThat(r.header("ETag")).contains("\"v1\"");
                }
                assertThat(seen.of("/etag")).as("no-cache: every GET asks").isEqualTo(5);
                assertThat(seen.ifNoneMatch).as("conditionally, after the first").containsExactly("\"v1\"", "\"v1\"", "\"v1\"", "\"v1\"");
                assertThat(stats(server)).containsEntry("revalidated", 4L);
                TestResponse own = cli.request("GET", "/etag").header("If-None-Match", "\"v1\"").send();
                assertThat(own.status()).as("the client's own validator matches").isEqualTo(304);
                assertThat(cli.request("GET", "/fresh").header("Cache-Control", "only-if-cached").send().status()).isEqualTo(504);
            });
        });
    }

    @Test
    void anEntrySurvivesARestartAndACorruptOneIsDropped() throws Exception {
        Seen seen = new Seen();
        TestKit.serve(upstream(seen), up -> {
            TestKit.serve(proxy(up.port(), 0, 1 << 20, dir), cli -> {
                assertThat(cli.get("/fresh").text()).isEqualTo("/fresh #1");
                assertThat(cli.get("/other").text()).isEqualTo("/other #1");
            });
            assertThat(entries(dir)).hasSize(2);
            TestKit.serve(proxy(up.port(), 0, 1 << 20, dir), cli -> {
                assertThat(cli.get("/fresh").text()).isEqualTo("/fresh #1");
                assertThat(cli.get("/other").text()).isEqualTo("/other #1");
            });
            assertThat(seen.of("/fresh") + seen.of("/other")).as("a new server answered from the files").isEqualTo(2);
            for (Path f : entries(dir)) {
                Files.writeString(f, "junk that is not an entry");
            }
            SkitaiServer third = SkitaiServer.create(proxy(up.port(), 0, 1 << 20, dir).build());
            TestKit.serve(third, cli -> {
                assertThat(entries(dir)).as("the start's scan deleted the corrupt files").isEmpty();
                assertThat(cli.get("/fresh").text()).as("a miss").isEqualTo("/fresh #2");
            });
        });
    }

    @Test
    void tenThousandEntriesStayWithinTheMemoryAndDiskBounds() throws Exception {
        Seen seen = new Seen();
        long memmax = 256 << 10;
        long diskmax = 512 << 10;
        TestKit.serve(upstream(seen), up -> {
            SkitaiServer server = SkitaiServer.create(proxy(up.port(), memmax, diskmax, dir).build());
            TestKit.serve(server, cli -> {
                for (int i = 0; i < 10_000; i++) {
                    assertThat(cli.get("/items/" + i).status()).isEqualTo(200);
                }
                Map<String, Long> stats = stats(server);
                assertThat(stats.get("stored")).isEqualTo(10_000);
                assertThat(stats.get("memoryBytes")).isPositive().isLessThanOrEqualTo(memmax);
                System.out.println("cachefs proxy: 10,000 entries; " + stats);
                assertThat(cli.get("/items/9999").text()).isEqualTo("/items/9999 #1");
            });
            long onDisk = 0;
            for (Path f : entries(dir)) {
                onDisk += Files.size(f);
            }
            System.out.println("cachefs proxy: " + entries(dir).size() + " files, " + onDisk + " bytes on disk, bound " + diskmax);
            assertThat(onDisk).isPositive().isLessThanOrEqualTo(diskmax);
            assertThat(seen.hits).hasSize(10_000);
        });
    }

    @Test
    void noStorePrivateSetCookieCredentialsAndVaryAreHonoured() {
        Seen seen = new Seen();
        TestKit.serve(upstream(seen), up -> TestKit.serve(proxy(up.port(), 1 << 20, 0, null), cli -> {
            for (String path : List.of("/nostore", "/private", "/cookie")) {
                cli.get(path);
                cli.get(path);
                assertThat(seen.of(path)).as(path + " is never kept").isEqualTo(2);
            }
            cli.request("GET", "/fresh").header("Authorization", "Bearer alice").send();
            TestResponse bob = cli.request("GET", "/fresh").header("Authorization", "Bearer bob").send();
            assertThat(bob.text()).as("alice's answer is not bob's").isEqualTo("/fresh #2");
            cli.request("GET", "/fresh").header("Cookie", "sid=carol").send();
            assertThat(seen.of("/fresh")).as("answers to credentials are neither kept nor served").isEqualTo(3);
            cli.request("GET", "/public").header("Authorization", "Bearer alice").send();
            TestResponse shared = cli.request("GET", "/public").header("Authorization", "Bearer bob").send();
            assertThat(shared.text()).as("public: sharable").isEqualTo("/public #1");
            assertThat(cli.get("/nostore").text()).isEqualTo("/nostore #3");
            cli.request("GET", "/fresh").header("Cache-Control", "no-store").send();
            assertThat(seen.of("/fresh")).as("a request's no-store skips the cache").isEqualTo(4);
            TestClient c = cli;
            assertThat(c.request("GET", "/vary").header("Accept-Language", "en").send().text()).isEqualTo("lang en #1");
            assertThat(c.request("GET", "/vary").header("Accept-Language", "ko").send().text()).isEqualTo("lang ko #2");
            assertThat(c.request("GET", "/vary").header("Accept-Language", "en").send().text()).isEqualTo("lang en #1");
            assertThat(c.request("GET", "/vary").header("Accept-Language", "ko").send().text()).isEqualTo("lang ko #2");
            assertThat(seen.of("/vary")).as("one request per variant").isEqualTo(2);
        }));
    }

    @Test
    void aBodyOverTheEntryCapStreamsThroughAndIsNotKept() {
        Seen seen = new Seen();
        ServerBuilder big = ServerBuilder.create();
        big.mount("/", ex -> {
            seen.hits.computeIfAbsent(ex.path(), k -> new AtomicInteger()).incrementAndGet();
            ex.header("Cache-Control", "max-age=60").send(new byte[200_000]);
        });
        TestKit.serve(big, up -> TestKit.serve(proxy(up.port(), 1 << 20, 0, null), cli -> {
            assertThat(cli.get("/big").bytes()).hasSize(200_000);
            assertThat(cli.get("/big").bytes()).hasSize(200_000);
            assertThat(seen.of("/big")).as("over 1 MiB / 8: not kept").isEqualTo(2);
        }));
    }

    @Test
    void badSettingsAreRefusedWithAClearMessage() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServerBuilder.create().enableCachefs(0, 1000, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a directory");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServerBuilder.create().enableCachefs(-5, 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be >= 0");
    }
}
