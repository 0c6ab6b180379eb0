package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.RawConnection;
import io.skitai.testkit.RawResponse;
import io.skitai.testkit.TestKit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Form fields and uploads of plain handlers ({@link Exchange#form()}, {@link Exchange#files()}). */
@SuppressWarnings("unchecked")
class FormsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** What a handler saw of the form: fields, and per file its metadata, SHA-256 and storage. */
    static Map<String, Object> report(Exchange ex) {
        List<Map<String, Object>> files = new ArrayList<>();
        ex.files().forEach((name, uploads) -> uploads.forEach(u -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", u.name());
            f.put("filename", u.filename());
            f.put("type", u.contentType());
            f.put("size", u.size());
            f.put("sha256", MultipartBody.sha256(u.inputStream()));
            f.put("path", u.path().map(Path::toString).orElse(""));
            f.put("stored", u.path().map(Files::isRegularFile).orElse(false));
            files.add(f);
        }));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fields", ex.form());
        out.put("files", files);
        return out;
    }

    private static ServerBuilder server(Pref pref) {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/form", ex -> ex.json(Map.of("form", ex.form(), "name", ex.formValue("name").orElse("-"),
                "missing", ex.formValue("nope").isPresent(), "body", ex.bodyText())));
        server.mount("/up", ex -> ex.json(report(ex))).pref(pref);
        server.mount("/body-first", ex -> {
            int length = ex.body().length;
            ex.json(Map.of("length", length, "report", report(ex)));
        });
        return server;
    }

    static void awaitGone(Path file) throws InterruptedException {
        // The files go when the exchange completes, which may be just after the client has the response.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void aPlainHandlerReadsAnUrlencodedForm() {
        String body = "name=J%C3%BCrgen+M%C3%BCller&tag=a&tag=b%20c+d&empty=&tag=%E2%82%AC";
        TestKit.serve(server(Pref.create()), cli -> {
            var r = cli.post("/form", body.getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded");
            assertThat(r.status()).isEqualTo(200);
            Map<String, Object> d = r.data();
            assertThat(d.get("form")).isEqualTo(Map.of("name", List.of("J\u00fcrgen M\u00fcller"),
                    "tag", List.of("a", "b c d", "\u20ac"), "empty", List.of("")));
            assertThat(d).containsEntry("name", "J\u00fcrgen M\u00fcller").containsEntry("missing", false)
                    .containsEntry("body", body);
            var get = cli.request("GET", "/form?name=q").header("Content-Type", "application/x-www-form-urlencoded").send();
            assertThat(get.<Map<String, Object>>data()).containsEntry("form", Map.of()).containsEntry("name", "-");
            var json = cli.post("/form", Map.of("name", "x"));
            assertThat(json.<Map<String, Object>>data()).containsEntry("form", Map.of());
        });
    }

    @Test
    void aMultipartUploadStreamsLargeFilesToTemporaryFilesRemovedAfterTheRequest() {
        byte[] big = new byte[300 * 1024];
        new Random(42).nextBytes(big);
        byte[] small = "a small file\r\n--not a boundary\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] body = new MultipartBody().field("title", "Gr\u00fc\u00dfe \uD83C\uDF0D \u4F60\u597D")
                .file("doc", "big.bin", "application/octet-stream", big)
                .file("note", "n\u00f6te.txt", "text/plain; charset=utf-8", small).bytes();
        TestKit.serve(server(Pref.create()), cli -> {
            var r = cli.post("/up", body, MultipartBody.TYPE);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            Map<String, Object> d = r.data();
            assertThat(d.get("fields")).isEqualTo(Map.of("title", List.of("Gr\u00fc\u00dfe \uD83C\uDF0D \u4F60\u597D")));
            List<Map<String, Object>> files = (List<Map<String, Object>>) d.get("files");
            assertThat(files).hasSize(2);
            Map<String, Object> doc = files.get(0);
            assertThat(doc).containsEntry("name", "doc").containsEntry("filename", "big.bin")
                    .containsEntry("size", big.length).containsEntry("sha256", MultipartBody.sha256(big))
                    .containsEntry("stored", true);
            Map<String, Object> note = files.get(1);
            assertThat(note).containsEntry("filename", "n\u00f6te.txt").containsEntry("type", "text/plain; charset=utf-8")
                    .containsEntry("sha256", MultipartBody.sha256(small)).containsEntry("path", "");
            awaitGone(Path.of((String) doc.get("path")));
        });
    }

    @Test
    void concurrentUploadsEachArriveIntact() throws Exception {
        int clients = 8;
        int rounds = 6;
        TestKit.serve(server(Pref.create()), cli -> {
            List<java.util.concurrent.Future<List<String>>> results = new ArrayList<>();
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(clients)) {
                for (int c = 0; c < clients; c++) {
                    int seed = c;
                    results.add(pool.submit(() -> {
                        List<String> paths = new ArrayList<>();
                        Random random = new Random(seed);
                        for (int i = 0; i < rounds; i++) {
                            byte[] data = new byte[100_000 + random.nextInt(200_000)];
                            random.nextBytes(data);
                            var r = cli.post("/up", new MultipartBody().file("f", "f.bin", null, data).bytes(), MultipartBody.TYPE);
                            Map<String, Object> file = ((List<Map<String, Object>>) r.<Map<String, Object>>data().get("files")).get(0);
                            assertThat(file).containsEntry("sha256", MultipartBody.sha256(data));
                            paths.add((String) file.get("path"));
                        }
                        return paths;
                    }));
                }
                for (var result : results) {
                    for (String path : result.get()) {
                        awaitGone(Path.of(path));
                    }
                }
            }
        });
    }

    @Test
    void aBodyReadFirstStillYieldsTheForm() {
        byte[] big = new byte[40 * 1024];
        new Random(1).nextBytes(big);
        byte[] body = new MultipartBody().field("a", "1").file("f", "f.bin", null, big).bytes();
        TestKit.serve(server(Pref.create()), cli -> {
            Map<String, Object> d = cli.post("/body-first", body, MultipartBody.TYPE).data();
            assertThat(d).containsEntry("length", body.length);
            Map<String, Object> report = (Map<String, Object>) d.get("report");
            assertThat(report.get("fields")).isEqualTo(Map.of("a", List.of("1")));
            assertThat(((List<Map<String, Object>>) report.get("files")).get(0))
                    .containsEntry("sha256", MultipartBody.sha256(big)).containsEntry("type", "application/octet-stream")
                    .containsEntry("path", "");
        });
    }

    @Test
    void aFileOverMaxUploadFileSizeIs413BeforeTheRestOfTheBodyIsSent() {
        TestKit.serve(server(Pref.create().maxUploadFileSize(1000)), cli -> {
            byte[] body = new MultipartBody().field("title", "t").file("doc", "big.bin", null, new byte[5000]).bytes();
            var r = cli.request("POST", "/up").header("Accept", "application/json").body(body, MultipartBody.TYPE).send();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.json().get("detail").asText()).isEqualTo("SKITAI-C081 file 'doc' is larger than 1000 bytes");
            assertThat(cli.post("/up", new MultipartBody().file("doc", "ok.bin", null, new byte[1000]).bytes(), MultipartBody.TYPE)
                    .status()).isEqualTo(200);
            // 20 KB of a declared 500 KB body: the answer comes without the rest.
            byte[] start = new MultipartBody().file("doc", "huge.bin", null, new byte[20_000]).bytes();
            try (RawConnection raw = cli.raw()) {
                raw.send("POST /up HTTP/1.1\r\nHost: t\r\nContent-Type: " + MultipartBody.TYPE
                        + "\r\nContent-Length: 500000\r\n\r\n");
                raw.send(java.util.Arrays.copyOf(start, 20_000));
                RawResponse response = raw.readResponse(WAIT);
                assertThat(response.status()).isEqualTo(413);
                assertThat(response.text()).contains("file &#39;doc&#39; is larger than 1000 bytes");
            }
        });
    }

    @Test
    void aChunkedMultipartBodyOverItsLimitIsCutOffWith413() {
        ServerBuilder serverConfig = ServerBuilder.create();
        serverConfig.mount("/up", ex -> ex.json(report(ex))).pref(Pref.create().maxMultipartBodySize(10_000));
        byte[] body = new MultipartBody().file("doc", "a.bin", null, new byte[30_000]).bytes();
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        TestKit.serve(server, cli -> {
            try (RawConnection raw = cli.raw()) {
                raw.send("POST /up HTTP/1.1\r\nHost: t\r\nContent-Type: " + MultipartBody.TYPE
                        + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length) + "\r\n");
                // Past the limit, but not all of the chunk: the server reads everything sent before it
                // refuses and closes, so the close is a FIN, never a reset racing a write of the rest.
                raw.send(java.util.Arrays.copyOf(body, 12_000));
                RawResponse response = raw.readResponse(WAIT);
                assertThat(response.status()).isEqualTo(413);
                assertThat(response.text()).contains("larger than 10000 bytes");
            }
        });
    }

    @Test
    void onTheIoThreadTheFormIsParsedFromTheBodyReadBeforeTheHandler() {
        byte[] big = new byte[40 * 1024];
        new Random(3).nextBytes(big);
        byte[] body = new MultipartBody().field("a", "\u00e9").file("f", "f.bin", null, big).bytes();
        TestKit.serve(Run.port(0).threads(0), server(Pref.create()), cli -> {
            Map<String, Object> d = cli.post("/up", body, MultipartBody.TYPE).data();
            assertThat(d.get("fields")).isEqualTo(Map.of("a", List.of("\u00e9")));
            assertThat(((List<Map<String, Object>>) d.get("files")).get(0))
                    .containsEntry("sha256", MultipartBody.sha256(big)).containsEntry("path", "");
            assertThat(cli.postForm("/form", Map.of("name", "io")).<Map<String, Object>>data()).containsEntry("name", "io");
        });
    }

    @Test
    void malformedBodiesAre400WithAMessage() {
        TestKit.serve(server(Pref.create()), cli -> {
            byte[] ok = new MultipartBody().field("a", "1").file("f", "f.bin", null, new byte[100]).bytes();
            var truncated = cli.request("POST", "/up").header("Accept", "application/json")
                    .body(java.util.Arrays.copyOf(ok, ok.length - 30), MultipartBody.TYPE).send();
            assertThat(truncated.status()).isEqualTo(400);
            assertThat(truncated.json().get("detail").asText()).isEqualTo(
                    "SKITAI-C082 malformed multipart body: a part is not closed by the boundary (truncated body?)");
            var broken = cli.post("/up", ("--" + MultipartBody.BOUNDARY + "\r\nContent-Disposition form-data\r\n\r\nx\r\n--"
                    + MultipartBody.BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8), MultipartBody.TYPE);
            assertThat(broken.status()).isEqualTo(400);
            assertThat(broken.text()).contains("malformed multipart body");
            var escape = cli.request("POST", "/form").header("Accept", "application/json")
                    .body("name=ok&bad=%E2%8", "application/x-www-form-urlencoded").send();
            assertThat(escape.status()).isEqualTo(400);
            assertThat(escape.json().get("detail").asText()).isEqualTo("SKITAI-C085 malformed form body: bad %-escape in 'bad=%E2%8'");
            assertThat(cli.get("/form").status()).isEqualTo(200);
        });
    }
}
