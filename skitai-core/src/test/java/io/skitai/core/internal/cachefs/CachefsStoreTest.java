package io.skitai.core.internal.cachefs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.Cachefs;
import io.skitai.core.SharedCache;
import io.skitai.core.SharedCache.Kind;
import io.skitai.core.StartupException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's tiers, bounds, file format and RFC 9111 rules, without a server. */
class CachefsStoreTest {

    private static final URI URL = URI.create("http://127.0.0.1:9/items/1");

    @TempDir
    Path dir;

    private static SharedCache.Response ok(String body, String... headers) {
        Map<String, List<String>> h = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < headers.length; i += 2) {
            h.computeIfAbsent(headers[i], k -> new java.util.ArrayList<>()).add(headers[i + 1]);
        }
        return new SharedCache.Response(200, h, body.getBytes(StandardCharsets.UTF_8));
    }

    private static SharedCache.Lookup keep(CachefsStore cache, URI url, Map<String, String> request, SharedCache.Response r) {
        SharedCache.Lookup l = cache.lookup("GET", url, request);
        Instant now = Instant.now();
        cache.store(l, r, now, now);
        return l;
    }

    private static String body(SharedCache.Lookup l) {
        return new String(l.response().orElseThrow().body(), StandardCharsets.UTF_8);
    }

    private static long bytesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void aFreshEntryIsAHitWithAnAgeAndOtherMethodsPass() {
        try (CachefsStore cache = CachefsStore.open(Cachefs.of(1 << 20, 0, null)).orElseThrow()) {
            assertThat(cache.lookup("GET", URL, Map.of()).kind()).isEqualTo(Kind.MISS);
            keep(cache, URL, Map.of(), ok("one", "Cache-Control", "max-age=60"));
            SharedCache.Lookup hit = cache.lookup("GET", URL, Map.of());
            assertThat(hit.kind()).isEqualTo(Kind.HIT);
            assertThat(body(hit)).isEqualTo("one");
            assertThat(hit.response().orElseThrow().header("Age")).contains("0");
            assertThat(cache.lookup("POST", URL, Map.of()).kind()).isEqualTo(Kind.PASS);
            cache.invalidateAfter("POST", URL, 201);
            assertThat(cache.lookup("GET", URL, Map.of()).kind()).as("invalidated by the POST").isEqualTo(Kind.MISS);
        }
    }

    @Test
    void theAgeCountsTheUpstreamsAgeAndDate() {
        try (CachefsStore cache = CachefsStore.open(Cachefs.of(1 << 20, 0, null)).orElseThrow()) {
            keep(cache, URL, Map.of(), ok("aged", "Cache-Control", "max-age=600", "Age", "100"));
            assertThat(cache.lookup("GET", URL, Map.of()).response().orElseThrow().header("Age")).contains("100");
            SharedCache.Lookup old = keep(cache, URI.create("http://h/old"), Map.of(), ok("old", "Cache-Control", "max-age=60", "Age", "100"));
            assertThat(old.kind()).isEqualTo(Kind.MISS);
            assertThat(cache.lookup("GET", URI.create("http://h/old"), Map.of()).kind()).as("older than its max-age").isEqualTo(Kind.MISS);
        }
    }

    @Test
    void requestDirectivesRevalidateOrRefuse() {
        try (CachefsStore cache = CachefsStore.open(Cachefs.of(1 << 20, 0, null)).orElseThrow()) {
            assertThat(cache.lookup("GET", URL, Map.of("Cache-Control", "only-if-cached")).kind()).isEqualTo(Kind.UNSATISFIABLE);
            keep(cache, URL, Map.of(), ok("v1", "Cache-Control", "max-age=60", "ETag", "\"v1\""));
            SharedCache.Lookup l = cache.lookup("GET", URL, Map.of("Cache-Control", "no-cache"));
            assertThat(l.kind()).isEqualTo(Kind.REVALIDATE);
            assertThat(l.validators()).containsEntry("If-None-Match", "\"v1\"");
            assertThat(cache.lookup("GET", URL, Map.of("Cache-Control", "max-age=0")).kind()).isEqualTo(Kind.REVALIDATE);
            assertThat(cache.lookup("GET", URL, Map.of("Pragma", "no-cache")).kind()).isEqualTo(Kind.REVALIDATE);
            assertThat(cache.lookup("GET", URL, Map.of("Cache-Control", "no-store")).kind()).isEqualTo(Kind.PASS);
            Instant now = Instant.now();
            SharedCache.Response refreshed = cache.revalidated(l, Map.of("ETag", List.of("\"v1\""), "Cache-Control",
                    List.of("max-age=120")), now, now);
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(new String(refreshed.body(), StandardCharsets.UTF_8)).isEqualTo("v1");
            assertThat(refreshed.header("Cache-Control")).contains("max-age=120");
            SharedCache.Lookup conditional = cache.lookup("GET", URL, Map.of("If-None-Match", "W/\"v1\""));
            assertThat(conditional.kind()).isEqualTo(Kind.HIT);
            assertThat(conditional.response().orElseThrow().status()).as("the client's own validator matches").isEqualTo(304);
        }
    }

    @Test
    void whatIsNeverStored() {
        try (CachefsStore cache = CachefsStore.open(Cachefs.of(1 << 20, 0, null)).orElseThrow()) {
            Map<String, SharedCache.Response> refused = Map.of(
                    "no-store", ok("x", "Cache-Control", "max-age=60, no-store"),
                    "private", ok("x", "Cache-Control", "private, max-age=60"),
                    "vary-star", ok("x", "Cache-Control", "max-age=60", "Vary", "*"),
                    "set-cookie", ok("x", "Cache-Control", "max-age=60", "Set-Cookie", "s=1"),
                    "no-freshness-nor-validator", ok("x"),
                    "no-cache-without-validator", ok("x", "Cache-Control", "no-cache"));
            refused.forEach((name, response) -> {
                URI u = URI.create("http://h/" + name);
                keep(cache, u, Map.of(), response);
                assertThat(cache.lookup("GET", u, Map.of()).kind()).as(name).isEqualTo(Kind.MISS);
            });
            URI auth = URI.create("http://h/auth");
            keep(cache, auth, Map.of("Authorization", "Bearer alice"), ok("alice's", "Cache-Control", "max-age=60"));
            assertThat(cache.lookup("GET", auth, Map.of()).kind()).as("an answer to credentials, not public").isEqualTo(Kind.MISS);
            keep(cache, auth, Map.of(), ok("anyone's", "Cache-Control", "max-age=60"));
            assertThat(cache.lookup("GET", auth, Map.of("Cookie", "sid=bob")).kind())
                    .as("a caller with credentials gets only what was marked sharable").isEqualTo(Kind.MISS);
            assertThat(body(cache.lookup("GET", auth, Map.of()))).isEqualTo("anyone's");
            URI pub = URI.create("http://h/public");
            keep(cache, pub, Map.of("Authorization", "Bearer alice"), ok("shared", "Cache-Control", "public, max-age=60"));
            assertThat(body(cache.lookup("GET", pub, Map.of("Authorization", "Bearer bob")))).isEqualTo("shared");
            assertThat(cache.stats().get("stored")).as("auth (anonymous), public").isEqualTo(2);
        }
    }

    @Test
    void varyKeepsOneVariantPerHeaderValue() {
        try (CachefsStore cache = CachefsStore.open(Cachefs.of(1 << 20, 0, null)).orElseThrow()) {
            keep(cache, URL, Map.of("Accept-Language", "en"), ok("hello", "Cache-Control", "max-age=60", "Vary", "Accept-Language"));
            keep(cache, URL, Map.of("Accept-Language", "ko"), ok("annyeong", "Cache-Control", "max-age=60", "Vary", "Accept-Language"));
            assertThat(body(cache.lookup("GET", URL, Map.of("accept-language", "en")))).isEqualTo("hello");
            assertThat(body(cache.lookup("GET", URL, Map.of("Accept-Language", "ko")))).isEqualTo("annyeong");
            assertThat(cache.lookup("GET", URL, Map.of("Accept-Language", "fr")).kind()).isEqualTo(Kind.MISS);
        }
    }

    @Test
    void diskEntriesSurviveAReopenAndCorruptOnesAreDropped() throws IOException {
        Cachefs config = Cachefs.of(0, 1 << 20, dir);
        try (CachefsStore cache = CachefsStore.open(config).orElseThrow()) {
            keep(cache, URL, Map.of(), ok("kept", "Cache-Control", "max-age=600"));
            keep(cache, URI.create("http://h/2"), Map.of(), ok("two", "Cache-Control", "max-age=600"));
            keep(cache, URI.create("http://h/3"), Map.of(), ok("three", "Cache-Control", "max-age=600"));
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(3).allSatisfy(f -> assertThat(f.toString()).endsWith(".entry"));
        Path junk = dir.resolve(CacheEntry.id("http://h/2", Map.of()) + ".entry");
        Files.writeString(junk, "junk");
        Path flipped = dir.resolve(CacheEntry.id("http://h/3", Map.of()) + ".entry");
        byte[] bytes = Files.readAllBytes(flipped);
        bytes[bytes.length - 12] ^= 0x55; // in the body: the head still reads, the checksum does not
        Files.write(flipped, bytes);
        Files.writeString(dir.resolve("x.1.tmp"), "half a write");
        try (CachefsStore cache = CachefsStore.open(config).orElseThrow()) {
            assertThat(body(cache.lookup("GET", URL, Map.of()))).isEqualTo("kept");
            assertThat(junk).as("not an entry: deleted by the scan").doesNotExist();
            assertThat(dir.resolve("x.1.tmp")).doesNotExist();
            assertThat(cache.lookup("GET", URI.create("http://h/2"), Map.of()).kind()).isEqualTo(Kind.MISS);
            assertThat(cache.lookup("GET", URI.create("http://h/3"), Map.of()).kind()).isEqualTo(Kind.MISS);
            assertThat(flipped).as("a checksum mismatch: deleted when read").doesNotExist();
        }
    }

    @Test
    void tenThousandEntriesStayWithinBothBounds() throws IOException {
        long memmax = 256 << 10;
        long diskmax = 1 << 20;
        String body = "x".repeat(1000);
        try (CachefsStore cache = CachefsStore.open(Cachefs.of(memmax, diskmax, dir)).orElseThrow()) {
            for (int i = 0; i < 10_000; i++) {
                keep(cache, URI.create("http://h/items/" + i), Map.of(), ok(body + i, "Cache-Control", "max-age=600"));
            }
            assertThat(cache.stats().get("stored")).isEqualTo(10_000);
            assertThat(cache.stats().get("memoryBytes")).isPositive().isLessThanOrEqualTo(memmax);
            assertThat(body(cache.lookup("GET", URI.create("http://h/items/9999"), Map.of()))).isEqualTo(body + 9999);
        }
        long onDisk = bytesIn(dir);
        assertThat(onDisk).isPositive().isLessThanOrEqualTo(diskmax);
        try (CachefsStore cache = CachefsStore.open(Cachefs.of(0, diskmax, dir)).orElseThrow()) {
            assertThat(cache.stats().get("diskBytes")).isEqualTo(onDisk);
            assertThat(cache.lookup("GET", URI.create("http://h/items/0"), Map.of()).kind()).as("evicted").isEqualTo(Kind.MISS);
        }
    }

    @Test
    void aResponseOverTheEntryCapIsNotKept() {
        try (CachefsStore cache = CachefsStore.open(Cachefs.of(80_000, 0, null)).orElseThrow()) {
            assertThat(cache.stats().get("maxEntryBytes")).isEqualTo(10_000);
            keep(cache, URL, Map.of(), ok("y".repeat(10_001), "Cache-Control", "max-age=60"));
            assertThat(cache.lookup("GET", URL, Map.of()).kind()).isEqualTo(Kind.MISS);
        }
    }

    @Test
    void badBoundsAndAnUnusableDirectoryAreRefused() throws IOException {
        assertThatThrownBy(() -> Cachefs.of(-1, 0, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SKITAI-C120");
        assertThatThrownBy(() -> Cachefs.of(0, 10, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SKITAI-C121");
        assertThat(CachefsStore.open(Cachefs.OFF)).isEmpty();
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        assertThatThrownBy(() -> CachefsStore.open(Cachefs.of(0, 1000, file))).isInstanceOf(StartupException.class)
                .hasMessageContaining("SKITAI-C122");
    }
}
