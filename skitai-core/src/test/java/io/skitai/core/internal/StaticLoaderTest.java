package io.skitai.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.internal.StaticEntry.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticLoaderTest {

    @TempDir
    Path base;
    Path root;
    StaticLoader loader;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(base.resolve("www"));
        Files.writeString(base.resolve("secret.txt"), "SECRET");
        Files.writeString(root.resolve("hello.txt"), "hello");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/index.html"), "<h1>docs</h1>");
        Files.createDirectories(root.resolve("bare"));
        Files.writeString(root.resolve("bare/a.txt"), "a");
        Files.write(root.resolve("big.bin"), new byte[100]);
        Files.createSymbolicLink(root.resolve("out"), base.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("outdir"), base);
        Files.createSymbolicLink(root.resolve("in"), root.resolve("hello.txt"));
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/config"), "SECRET");
        Files.createSymbolicLink(root.resolve("cfg"), root.resolve(".git"));
        Files.createSymbolicLink(root.resolve("cfg.txt"), root.resolve(".git/config"));
        loader = new StaticLoader(root, "/static", new MaxAges(Map.of("/static", 60L)), 64);
    }

    private StaticEntry load(String below) {
        return loader.load(below, StaticPath.parse(below), null);
    }

    @Test
    void loadsSmallFilesIntoMemory() {
        StaticEntry e = load("/hello.txt");
        assertThat(e.kind).isEqualTo(Kind.FILE);
        assertThat(e.size).isEqualTo(5);
        assertThat(StandardCharsets.UTF_8.decode(e.content.duplicate()).toString()).isEqualTo("hello");
        assertThat(e.contentType).isEqualTo("text/plain; charset=utf-8");
        assertThat(e.cacheControl).isEqualTo("max-age=60");
        assertThat(e.etag).startsWith("\"5-");
    }

    @Test
    void keepsLargeFilesOnDisk() {
        StaticEntry e = load("/big.bin");
        assertThat(e.kind).isEqualTo(Kind.FILE);
        assertThat(e.size).isEqualTo(100);
        assertThat(e.content).isNull();
    }

    @Test
    void servesDirectoriesThroughTheirIndex() {
        StaticEntry index = load("/docs/");
        assertThat(index.kind).isEqualTo(Kind.FILE);
        assertThat(index.contentType).startsWith("text/html");
        StaticEntry redirect = load("/docs");
        assertThat(redirect.kind).isEqualTo(Kind.REDIRECT);
        assertThat(redirect.location).isEqualTo("/static/docs/");
    }

    @Test
    void neverListsADirectoryWithoutIndex() {
        assertThat(load("/bare/").kind).isEqualTo(Kind.MISSING);
        assertThat(load("/bare").kind).isEqualTo(Kind.MISSING);
        assertThat(load("/bare/a.txt").kind).isEqualTo(Kind.FILE);
    }

    @Test
    void refusesSymbolicLinksOutOfTheRoot() {
        assertThat(load("/out").kind).isEqualTo(Kind.MISSING);
        assertThat(load("/outdir/secret.txt").kind).isEqualTo(Kind.MISSING);
        assertThat(load("/outdir/www/hello.txt").kind).as("out and back in: inside the root").isEqualTo(Kind.FILE);
        StaticEntry in = load("/in");
        assertThat(in.kind).isEqualTo(Kind.FILE);
        assertThat(in.size).isEqualTo(5);
    }

    @Test
    void refusesLinksIntoDotDirectories() {
        assertThat(load("/cfg/config").kind).isEqualTo(Kind.MISSING);
        assertThat(load("/cfg.txt").kind).isEqualTo(Kind.MISSING);
    }

    @Test
    void redirectsTheMountPointItself() throws IOException {
        assertThat(load("").kind).isEqualTo(Kind.MISSING); // no index.html in this root yet
        Files.writeString(root.resolve("index.html"), "home");
        StaticEntry withIndex = load("");
        assertThat(withIndex.kind).isEqualTo(Kind.REDIRECT);
        assertThat(withIndex.location).isEqualTo("/static/");
    }

    @Test
    void literalEncodedNamesStayLiteral() {
        assertThat(load("/%2e%2e/secret.txt").kind).isEqualTo(Kind.MISSING);
    }

    @Test
    void missingFilesAreMissing() {
        assertThat(load("/nope.txt").kind).isEqualTo(Kind.MISSING);
        assertThat(load("/hello.txt/more").kind).isEqualTo(Kind.MISSING);
    }

    @Test
    void reusesAnUnchangedEntryAndReloadsAnEditedOne() throws IOException {
        StaticEntry first = load("/hello.txt");
        assertThat(loader.load("/hello.txt", StaticPath.parse("/hello.txt"), first)).isSameAs(first);
        Files.writeString(root.resolve("hello.txt"), "HELLO");
        Files.setLastModifiedTime(root.resolve("hello.txt"), FileTime.from(Instant.now().plusSeconds(5)));
        StaticEntry edited = loader.load("/hello.txt", StaticPath.parse("/hello.txt"), first);
        assertThat(edited).isNotSameAs(first);
        assertThat(edited.etag).isNotEqualTo(first.etag);
        assertThat(StandardCharsets.UTF_8.decode(edited.content.duplicate()).toString()).isEqualTo("HELLO");
    }

    @Test
    void onlyOneCallerClaimsARecheck() {
        StaticEntry e = StaticEntry.missing(0);
        long later = StaticEntry.RECHECK_NANOS + 1;
        assertThat(e.claimRecheck(later)).isTrue();
        assertThat(e.claimRecheck(later)).isFalse();
        assertThat(e.claimRecheck(later + StaticEntry.RECHECK_NANOS - 1)).isFalse();
        assertThat(e.claimRecheck(later + StaticEntry.RECHECK_NANOS)).isTrue();
    }

    @Test
    void theHandlerSaysWhatItServes() throws IOException {
        String description = StaticFiles.create(root, "/static", Map.of("/static", 60L), NotFound.INSTANCE).toString();
        assertThat(description).startsWith("StaticFiles(/static -> " + root.toRealPath())
                .contains("max-age{/static=60}").endsWith("-> NotFound");
    }
}
