package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Static files served by a real server over real sockets. */
@Timeout(30)
class StaticFilesTest {

    private static final String SECRET = "TOP-SECRET-4f9c2a";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    private static final String HELLO = "Hello, static world!\n";

    @TempDir
    static Path base;
    static Path www;
    static Path site;
    static byte[] big;
    static SkitaiServer server;
    static HttpClient http;
    static int port;

    @BeforeAll
    static void start() throws IOException {
        Files.writeString(base.resolve("secret.txt"), SECRET);
        www = Files.createDirectories(base.resolve("www"));
        write(www, "hello.txt", HELLO);
        write(www, "index.html", "<h1>root index</h1>");
        write(www, "style.css", "body { color: red }");
        write(www, "app.js", "console.log(1)");
        write(www, "data.json", "{\"a\":1}");
        Files.write(www.resolve("logo.png"), PNG);
        write(www, "blob.xyz", "opaque");
        write(www, "README", "no extension");
        write(www, "with space.txt", "spaced");
        write(www, "한글.txt", "unicode name");
        write(www, "docs/index.html", "<h1>docs index</h1>");
        write(www, "docs/guide.txt", "guide");
        write(www, "noindex/file-in-noindex.txt", "listed?");
        write(www, "js/app.js", "let js = 1;");
        write(www, "jsx/file.txt", "jsx");
        write(www, "images/logo.png", "png-ish");
        write(www, ".env", SECRET);
        write(www, ".git/config", SECRET);
        write(www, "docs/.hidden", SECRET);
        write(www, "edit.txt", "version-1");
        write(www, "same-size.txt", "AAAA");
        big = new byte[5 * 1024 * 1024 + 123];
        new Random(42).nextBytes(big);
        Files.write(www.resolve("big.bin"), big);
        Files.createSymbolicLink(www.resolve("link-out"), base.resolve("secret.txt"));
        Files.createSymbolicLink(www.resolve("link-out.txt"), base.resolve("secret.txt"));
        Files.createSymbolicLink(www.resolve("dirlink-out"), base);
        Files.createSymbolicLink(www.resolve("link-in.txt"), www.resolve("hello.txt"));
        Files.createSymbolicLink(www.resolve("link-to-dotdir"), www.resolve(".git"));

        Path plain = Files.createDirectories(base.resolve("plain"));
        write(plain, "file.txt", "plain file");
        site = Files.createDirectories(base.resolve("site"));
        write(site, "about.html", "<p>about</p>");
        write(site, "assets/readme.txt", "assets dir without index");

        server = SkitaiServer.create(config -> {
            config.mount("/static", www);
            config.mount("/plain", plain);
            config.mount("/", site);
            config.mount("/", (Handler) ex -> ex.send("from-app " + ex.method() + " " + ex.path()));
            config.setMaxAge("/static", 300).setMaxAge("/static/js", 0).setMaxAge("/static/images/", 3600);
            config.logOff("/");
        });
        server.start(Run.port(0));
        port = server.port();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static void write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    // ---- helpers -------------------------------------------------------------------------

    private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    private static HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("x")
                        : HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    /** A response read off a raw socket: status 0 when the server closed without answering. */
    record Raw(int status, Map<String, String> headers, byte[] body, String all) {}

    /** Sends exactly {@code requestLine} (plus Host and Connection: close) and reads to the end. */
    private static Raw raw(String requestLine, String... extraHeaders) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(5000);
            StringBuilder req = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1:").append(port)
                    .append("\r\nConnection: close\r\n");
            for (String h : extraHeaders) {
                req.append(h).append("\r\n");
            }
            OutputStream out = s.getOutputStream();
            out.write(req.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            try {
                for (int n; (n = in.read(chunk)) > 0; ) {
                    buf.write(chunk, 0, n);
                }
            } catch (IOException e) {
                // connection reset after the answer: keep what arrived
            }
            return parse(buf.toByteArray());
        }
    }

    private static Raw parse(byte[] bytes) {
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (!all.startsWith("HTTP/") || end < 0) {
            return new Raw(0, Map.of(), bytes, all);
        }
        String[] lines = all.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        return new Raw(status, headers, Arrays.copyOfRange(bytes, end + 4, bytes.length), all);
    }

    // ---- content ---------------------------------------------------------------------------

    @Test
    void servesContentTypesByExtension() throws Exception {
        Map<String, String> expected = Map.of(
                "/static/hello.txt", "text/plain; charset=utf-8",
                "/static/index.html", "text/html; charset=utf-8",
                "/static/style.css", "text/css; charset=utf-8",
                "/static/app.js", "text/javascript; charset=utf-8",
                "/static/data.json", "application/json; charset=utf-8",
                "/static/logo.png", "image/png",
                "/static/blob.xyz", "application/octet-stream",
                "/static/README", "application/octet-stream");
        for (var e : expected.entrySet()) {
            HttpResponse<byte[]> r = get(e.getKey());
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
            assertThat(header(r, "Content-Type")).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(header(r, "X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(header(r, "Accept-Ranges")).isEqualTo("bytes");
        }
        assertThat(get("/static/logo.png").body()).isEqualTo(PNG);
        HttpResponse<byte[]> hello = get("/static/hello.txt");
        assertThat(text(hello)).isEqualTo(HELLO);
        assertThat(header(hello, "Content-Length")).isEqualTo(String.valueOf(HELLO.length()));
    }

    @Test
    void decodesPercentEncodedNamesOnce() throws Exception {
        assertThat(text(get("/static/with%20space.txt"))).isEqualTo("spaced");
        assertThat(text(get("/static/%ED%95%9C%EA%B8%80.txt"))).isEqualTo("unicode name");
        assertThat(text(get("/static/hell%6f.txt"))).isEqualTo(HELLO);
    }

    @Test
    void missingFileIs404() throws Exception {
        assertThat(get("/static/nope.txt").statusCode()).isEqualTo(404);
        assertThat(get("/static/hello.txt/more").statusCode()).isEqualTo(404);
        assertThat(get("/static/nope.txt").statusCode()).isEqualTo(404); // cached miss
    }

    // ---- validators --------------------------------------------------------------------------

    @Test
    void sendsValidatorsAndAnswers304ForIfNoneMatch() throws Exception {
        HttpResponse<byte[]> first = get("/static/hello.txt");
        String etag = header(first, "ETag");
        assertThat(etag).matches("\"[0-9a-f]+-[0-9a-f]+\"");
        assertThat(etag).startsWith("\"" + Long.toHexString(HELLO.length()) + "-");
        assertThat(header(first, "Last-Modified")).endsWith(" GMT");

        for (String inm : new String[] {etag, "W/" + etag, "\"nope\", " + etag, "\"a\",W/" + etag, "*"}) {
            HttpResponse<byte[]> r = get("/static/hello.txt", "If-None-Match", inm);
            assertThat(r.statusCode()).as(inm).isEqualTo(304);
            assertThat(r.body()).as(inm).isEmpty();
            assertThat(header(r, "ETag")).isEqualTo(etag);
        }
        HttpResponse<byte[]> other = get("/static/hello.txt", "If-None-Match", "\"nope\"");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(text(other)).isEqualTo(HELLO);
    }

    @Test
    void answers304ForIfModifiedSince() throws Exception {
        String lastModified = header(get("/static/hello.txt"), "Last-Modified");
        HttpResponse<byte[]> same = get("/static/hello.txt", "If-Modified-Since", lastModified);
        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        String later = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).plusHours(1));
        assertThat(get("/static/hello.txt", "If-Modified-Since", later).statusCode()).isEqualTo(304);
        String earlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).minusHours(1));
        assertThat(get("/static/hello.txt", "If-Modified-Since", earlier).statusCode()).isEqualTo(200);
        assertThat(get("/static/hello.txt", "If-Modified-Since", "garbage").statusCode()).isEqualTo(200);
        // If-None-Match takes precedence over If-Modified-Since
        assertThat(get("/static/hello.txt", "If-None-Match", "\"nope\"", "If-Modified-Since", lastModified)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void answers304WithoutBodyOnTheWire() throws Exception {
        String etag = header(get("/static/hello.txt"), "ETag");
        Raw r = raw("GET /static/hello.txt HTTP/1.1", "If-None-Match: " + etag);
        assertThat(r.status()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers()).containsEntry("etag", etag).doesNotContainKey("transfer-encoding");
    }

    // ---- ranges ------------------------------------------------------------------------------

    @Test
    void servesEachSingleRangeForm() throws Exception {
        int size = HELLO.length();
        HttpResponse<byte[]> r = get("/static/hello.txt", "Range", "bytes=0-4");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(text(r)).isEqualTo("Hello");
        assertThat(header(r, "Content-Range")).isEqualTo("bytes 0-4/" + size);
        assertThat(header(r, "Content-Length")).isEqualTo("5");

        r = get("/static/hello.txt", "Range", "bytes=7-");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(text(r)).isEqualTo(HELLO.substring(7));
        assertThat(header(r, "Content-Range")).isEqualTo("bytes 7-" + (size - 1) + "/" + size);

        r = get("/static/hello.txt", "Range", "bytes=-7");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(text(r)).isEqualTo(HELLO.substring(size - 7));

        r = get("/static/hello.txt", "Range", "bytes=3-100000");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(text(r)).isEqualTo(HELLO.substring(3));
    }

    @Test
    void answersMultipleRangesWithTheWholeFile() throws Exception {
        HttpResponse<byte[]> r = get("/static/hello.txt", "Range", "bytes=0-1,4-5");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r)).isEqualTo(HELLO);
        assertThat(header(r, "Content-Range")).isNull();
    }

    @Test
    void answers416ForUnsatisfiableRanges() throws Exception {
        int size = HELLO.length();
        for (String range : new String[] {"bytes=" + size + "-", "bytes=1000-2000", "bytes=-0"}) {
            HttpResponse<byte[]> r = get("/static/hello.txt", "Range", range);
            assertThat(r.statusCode()).as(range).isEqualTo(416);
            assertThat(header(r, "Content-Range")).isEqualTo("bytes */" + size);
            assertThat(r.body()).isEmpty();
        }
    }

    @Test
    void honoursIfRange() throws Exception {
        HttpResponse<byte[]> full = get("/static/hello.txt");
        String etag = header(full, "ETag");
        String lastModified = header(full, "Last-Modified");
        assertThat(get("/static/hello.txt", "Range", "bytes=0-4", "If-Range", etag).statusCode()).isEqualTo(206);
        assertThat(get("/static/hello.txt", "Range", "bytes=0-4", "If-Range", lastModified).statusCode()).isEqualTo(206);
        HttpResponse<byte[]> stale = get("/static/hello.txt", "Range", "bytes=0-4", "If-Range", "\"stale\"");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(text(stale)).isEqualTo(HELLO);
        assertThat(get("/static/hello.txt", "Range", "bytes=0-4", "If-Range", "W/" + etag).statusCode()).isEqualTo(200);
        assertThat(get("/static/hello.txt", "Range", "bytes=0-4", "If-Range", "Mon, 01 Jan 2001 00:00:00 GMT")
                .statusCode()).isEqualTo(200);
    }

    // ---- HEAD, methods -------------------------------------------------------------------------

    @Test
    void headSendsTheSameHeadersWithoutBody() throws Exception {
        HttpResponse<byte[]> getResponse = get("/static/hello.txt");
        Raw head = raw("HEAD /static/hello.txt HTTP/1.1");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers()).containsEntry("content-length", String.valueOf(HELLO.length()))
                .containsEntry("content-type", "text/plain; charset=utf-8")
                .containsEntry("etag", header(getResponse, "ETag"))
                .containsEntry("last-modified", header(getResponse, "Last-Modified"))
                .containsEntry("cache-control", "max-age=300")
                .containsEntry("accept-ranges", "bytes");
        Raw bigHead = raw("HEAD /static/big.bin HTTP/1.1");
        assertThat(bigHead.status()).isEqualTo(200);
        assertThat(bigHead.headers()).containsEntry("content-length", String.valueOf(big.length));
        assertThat(bigHead.body()).isEmpty();
    }

    @Test
    void refusesOtherMethodsOnAFileWith405() throws Exception {
        HttpResponse<byte[]> post = send("POST", "/static/hello.txt");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(header(post, "Allow")).isEqualTo("GET, HEAD");
        assertThat(send("DELETE", "/static/hello.txt").statusCode()).isEqualTo(405);
        assertThat(send("POST", "/static/nope.txt").statusCode()).isEqualTo(404);
    }

    // ---- directories -----------------------------------------------------------------------------

    @Test
    void servesIndexAndRedirectsDirectoryWithoutSlash() throws Exception {
        assertThat(text(get("/static/docs/"))).isEqualTo("<h1>docs index</h1>");
        assertThat(text(get("/static/"))).isEqualTo("<h1>root index</h1>");
        HttpResponse<byte[]> r = get("/static/docs?x=1&y=%20");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(header(r, "Location")).isEqualTo("/static/docs/?x=1&y=%20");
        HttpResponse<byte[]> mountPoint = get("/static");
        assertThat(mountPoint.statusCode()).isEqualTo(301);
        assertThat(header(mountPoint, "Location")).isEqualTo("/static/");
    }

    @Test
    void neverListsADirectory() throws Exception {
        for (String path : new String[] {"/static/noindex/", "/static/noindex", "/static/images/"}) {
            HttpResponse<byte[]> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(text(r)).doesNotContain("file-in-noindex").doesNotContain("logo.png");
        }
    }

    @Test
    void hidesDotfilesAndDotDirectories() throws Exception {
        for (String path : new String[] {"/static/.env", "/static/.git/config", "/static/docs/.hidden", "/static/.git/",
            "/static/link-to-dotdir/config", "/static/%2eenv", "/static/%2Egit/config"}) {
            HttpResponse<byte[]> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(text(r)).doesNotContain(SECRET);
        }
    }

    // ---- caching headers ---------------------------------------------------------------------------

    @Test
    void appliesTheLongestMaxAgeWithExpires() throws Exception {
        assertMaxAge("/static/hello.txt", 300);
        assertMaxAge("/static/docs/guide.txt", 300);
        assertMaxAge("/static/js/app.js", 0);
        assertMaxAge("/static/jsx/file.txt", 300);
        assertMaxAge("/static/images/logo.png", 3600);
        HttpResponse<byte[]> plain = get("/plain/file.txt");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(header(plain, "Cache-Control")).isNull();
        assertThat(header(plain, "Expires")).isNull();
    }

    private static void assertMaxAge(String path, long seconds) throws Exception {
        HttpResponse<byte[]> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(header(r, "Cache-Control")).as(path).isEqualTo("max-age=" + seconds);
        Instant expires = ZonedDateTime.parse(header(r, "Expires"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Instant date = ZonedDateTime.parse(header(r, "Date"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(Duration.between(date, expires).toSeconds()).as(path).isBetween(seconds - 2, seconds + 2);
    }

    // ---- large files, edits ----------------------------------------------------------------------------

    @Test
    void servesALargeFileByteExact() throws Exception {
        HttpResponse<byte[]> r = get("/static/big.bin");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Content-Length")).isEqualTo(String.valueOf(big.length));
        assertThat(header(r, "Content-Type")).isEqualTo("application/octet-stream");
        assertThat(r.body()).isEqualTo(big);

        HttpResponse<byte[]> part = get("/static/big.bin", "Range", "bytes=1000000-2999999");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(big, 1_000_000, 3_000_000));
        HttpResponse<byte[]> tail = get("/static/big.bin", "Range", "bytes=-10");
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(big, big.length - 10, big.length));
    }

    @Test
    void servesALargeFileOverHttp2() throws Exception {
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/static/big.bin"))
                .timeout(Duration.ofSeconds(10)).build();
        h2.send(req, HttpResponse.BodyHandlers.discarding()); // h2c upgrade on the first request
        HttpResponse<byte[]> r = h2.send(req, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(r.body()).isEqualTo(big);
        HttpResponse<byte[]> part = h2.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/static/big.bin"))
                .header("Range", "bytes=3000000-3999999").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(big, 3_000_000, 4_000_000));
        HttpResponse<byte[]> small = h2.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/static/hello.txt")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(text(small)).isEqualTo(HELLO);
    }

    @Test
    void closesTheFileWhenDoneOrWhenTheClientGoesAway() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd to count open files");
        assertThat(get("/static/big.bin").body()).hasSize(big.length);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(5000);
            s.setReceiveBufferSize(4096);
            s.getOutputStream().write(("GET /static/big.bin HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] some = new byte[1024];
            assertThat(s.getInputStream().read(some)).isPositive();
            assertThat(openHandles(fds, "big.bin")).isPositive(); // the transfer is stalled on our full socket
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (openHandles(fds, "big.bin") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(openHandles(fds, "big.bin")).isZero();
    }

    private static long openHandles(Path fds, String name) throws IOException {
        try (Stream<Path> list = Files.list(fds)) {
            return list.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().endsWith(name);
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }

    @Test
    void showsAnEditWithinASecond() throws Exception {
        assertThat(text(get("/static/edit.txt"))).isEqualTo("version-1");
        assertThat(text(get("/static/edit.txt"))).isEqualTo("version-1"); // now cached
        Files.writeString(www.resolve("edit.txt"), "version-two");
        assertVisibleSoon("/static/edit.txt", "version-two");

        // same size: only the modification time tells
        assertThat(text(get("/static/same-size.txt"))).isEqualTo("AAAA");
        Path same = www.resolve("same-size.txt");
        FileTime before = Files.getLastModifiedTime(same);
        Files.writeString(same, "BBBB");
        Files.setLastModifiedTime(same, FileTime.fromMillis(before.toMillis() + 2000));
        assertVisibleSoon("/static/same-size.txt", "BBBB");

        // a new file appears, a deleted one goes
        assertThat(get("/static/new.txt").statusCode()).isEqualTo(404);
        write(www, "new.txt", "new");
        assertVisibleSoon("/static/new.txt", "new");
        Files.delete(www.resolve("new.txt"));
        long deadline = System.nanoTime() + Duration.ofMillis(2500).toNanos();
        while (get("/static/new.txt").statusCode() != 404 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(get("/static/new.txt").statusCode()).isEqualTo(404);
    }

    private static void assertVisibleSoon(String path, String expected) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMillis(2000).toNanos();
        String seen = text(get(path));
        while (!seen.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = text(get(path));
        }
        assertThat(seen).isEqualTo(expected);
    }

    // ---- fall-through ---------------------------------------------------------------------------------

    @Test
    void fallsThroughToTheAppMountedAtTheSamePoint() throws Exception {
        assertThat(text(get("/about.html"))).isEqualTo("<p>about</p>");
        assertThat(text(get("/api/users"))).isEqualTo("from-app GET /api/users");
        assertThat(text(get("/assets"))).isEqualTo("from-app GET /assets"); // a directory without index: no redirect
        assertThat(text(get("/assets/"))).isEqualTo("from-app GET /assets/");
        assertThat(text(get("/.well-known/thing"))).isEqualTo("from-app GET /.well-known/thing");
        assertThat(text(send("POST", "/api/users"))).isEqualTo("from-app POST /api/users");
        assertThat(send("POST", "/about.html").statusCode()).isEqualTo(405);
        assertThat(text(get("/"))).isEqualTo("from-app GET /"); // no index.html in the site
    }

    @Test
    void fallsThroughWhenHandlersRunOnTheIoThread() throws Exception {
        ServerBuilder singleConfig = ServerBuilder.create();
        singleConfig.mount("/", site);
        singleConfig.mount("/", (Handler) ex -> ex.send("io-thread app " + ex.path()));
        singleConfig.logOff("/");
        SkitaiServer single = SkitaiServer.create(singleConfig.build());
        single.start(Run.port(0).threads(0));
        try {
            String base = "http://127.0.0.1:" + single.port();
            HttpResponse<String> file = http.send(HttpRequest.newBuilder(URI.create(base + "/about.html")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(file.body()).isEqualTo("<p>about</p>");
            for (int i = 0; i < 2; i++) { // a miss, then a cached miss
                HttpResponse<String> app = http.send(HttpRequest.newBuilder(URI.create(base + "/api")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(app.body()).isEqualTo("io-thread app /api");
            }
        } finally {
            single.stop();
        }
    }

    @Test
    void servesConcurrentRequestsCorrectly() throws Exception {
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int i = 0; i < 300; i++) {
                int n = i;
                results.add(pool.submit(() -> switch (n % 6) {
                    case 0 -> text(get("/static/hello.txt")).equals(HELLO);
                    case 1 -> text(get("/static/hello.txt", "Range", "bytes=0-4")).equals("Hello");
                    case 2 -> get("/static/hello.txt", "If-None-Match", "*").statusCode() == 304;
                    case 3 -> text(get("/static/docs/")).equals("<h1>docs index</h1>");
                    case 4 -> text(get("/api/" + n)).equals("from-app GET /api/" + n);
                    default -> n % 30 == 5 ? Arrays.equals(get("/static/big.bin").body(), big)
                            : get("/static/nope-" + (n % 7)).statusCode() == 404;
                }));
            }
            for (var r : results) {
                assertThat(r.get()).isTrue();
            }
        }
    }

    // ---- confinement ------------------------------------------------------------------------------------

    static Stream<String> traversals() {
        return Stream.of(
                "/static/../secret.txt",
                "/static/docs/../../secret.txt",
                "/static/./../secret.txt",
                "/static/%2e%2e/secret.txt",
                "/static/%2E%2E/secret.txt",
                "/static/.%2e/secret.txt",
                "/static/%2e./secret.txt",
                "/static/..%2fsecret.txt",
                "/static/..%2Fsecret.txt",
                "/static/%2e%2e%2fsecret.txt",
                "/static/%2e%2e%2f%2e%2e%2fsecret.txt",
                "/static/%252e%252e/secret.txt",
                "/static/%252e%252e%252fsecret.txt",
                "/static/..%252fsecret.txt",
                "/static/..\\secret.txt",
                "/static/..%5csecret.txt",
                "/static/..%5Csecret.txt",
                "/static/%5c..%5csecret.txt",
                "/static/..%255csecret.txt",
                "/static/%00/../secret.txt",
                "/static/..%00/secret.txt",
                "/static/secret.txt%00.html",
                "/static/%c0%ae%c0%ae/secret.txt",
                "/static/%c0%ae%c0%ae%c0%afsecret.txt",
                "/static/%e0%80%ae%e0%80%ae/secret.txt",
                "/static/..;/secret.txt",
                "/static/..;x=1/secret.txt",
                "/static/docs/..;/..;/secret.txt",
                "/static/%2e%2e;/secret.txt",
                "/static/%u002e%u002e/secret.txt",
                "/static//../secret.txt",
                "/static/link-out",
                "/static/link-out.txt",
                "/static/dirlink-out/secret.txt",
                "/../secret.txt",
                "/%2e%2e/secret.txt",
                "/..%2fsecret.txt",
                "/static%2f..%2fsecret.txt");
    }

    @ParameterizedTest
    @MethodSource("traversals")
    void refusesEveryTraversalForm(String target) throws Exception {
        for (String method : new String[] {"GET", "HEAD"}) {
            Raw r = raw(method + " " + target + " HTTP/1.1");
            assertThat(r.all()).as(target).doesNotContain(SECRET);
            if (r.status() != 0) {
                assertThat(r.status()).as(method + " " + target + "\n" + r.all()).isIn(400, 404);
            }
        }
        Raw absolute = raw("GET http://127.0.0.1:" + port + target + " HTTP/1.1");
        assertThat(absolute.all()).as(target).doesNotContain(SECRET);
        if (absolute.status() != 0) {
            assertThat(absolute.status()).as("absolute " + target).isIn(400, 404);
        }
    }

    @Test
    void servesSymbolicLinksThatStayInsideTheRoot() throws Exception {
        HttpResponse<byte[]> r = get("/static/link-in.txt");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r)).isEqualTo(HELLO);
    }
}
