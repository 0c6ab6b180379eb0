package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestKit;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.FormParserFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code was.upload}: a multipart body parsed by Undertow's own multipart parser arrives intact. */
class UploadTest {

    @TempDir
    Path dir;

    @Test
    void multipartUploadArrivesIntact() throws Exception {
        byte[] binary = new byte[300_000];
        new Random(7).nextBytes(binary);
        Path file = dir.resolve("photo.png");
        Files.write(file, binary);
        byte[] second = "second \"file\"\r\n--not-a-boundary".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        try (RawUpstream up = RawUpstream.blocking(ex -> {
            FormDataParser parser = FormParserFactory.builder().withDefaultCharset("UTF-8").build().createParser(ex);
            FormData form = parser.parseBlocking();
            StringBuilder b = new StringBuilder();
            for (String name : form) {
                FormData.FormValue v = form.getFirst(name);
                if (v.isFileItem()) {
                    byte[] bytes = Files.readAllBytes(v.getFileItem().getFile());
                    b.append(name).append('=').append(v.getFileName()).append(':')
                            .append(v.getHeaders().getFirst("Content-Type")).append(':').append(sha(bytes)).append('\n');
                } else {
                    b.append(name).append('=').append(v.getValue()).append('\n');
                }
            }
            RawUpstream.send(ex, 200, "text/plain; charset=utf-8", b.toString());
        })) {
            ServerBuilder server = ServerBuilder.create();
            server.mount("/", ex -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("title", "h\u00e9llo world");
                fields.put("photo", file);
                fields.put("raw", new Part("notes.txt", "text/plain", second));
                ex.send(Was.current().upload(up.url("/upload"), fields).dispatchOrThrow().text());
            });
            TestKit.serve(server, cli -> assertThat(cli.get("/").text()).isEqualTo(
                    "title=h\u00e9llo world\n"
                    + "photo=photo.png:image/png:" + sha(binary) + "\n"
                    + "raw=notes.txt:text/plain:" + sha(second) + "\n"));
        }
    }

    private static String sha(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
