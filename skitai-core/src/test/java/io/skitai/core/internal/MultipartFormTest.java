package io.skitai.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.HttpError;
import io.skitai.core.Upload;
import io.undertow.server.DefaultByteBufferPool;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartFormTest {

    private static final DefaultByteBufferPool POOL = new DefaultByteBufferPool(false, 1024);
    private static final FormLimits LIMITS = new FormLimits(1000, 1000, 10);

    private static ParsedForm parse(String type, String body) throws IOException {
        return parse(type, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), LIMITS, Long.MAX_VALUE, TempFiles.unmanaged());
    }

    private static ParsedForm parse(String type, InputStream body, FormLimits limits, long threshold, TempFiles temp) throws IOException {
        return MultipartForm.parse(body, type, limits, threshold, POOL, temp);
    }

    private static byte[] filePart(String boundary, String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"f.bin\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Bytes that look like framing: CR, LF, dashes and the boundary's prefix, plus every byte value. */
    private static byte[] tricky(String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("\r\n--\r\n--" + boundary.substring(0, boundary.length() - 1) + "\r\n\r\n-").getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < 256; i++) {
            out.write(i);
        }
        out.writeBytes("\r\n\r".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** Hands out at most one byte per read, so every boundary straddles reads. */
    private static InputStream trickle(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void skipsPreambleAndReadsQuotedParameters() throws IOException {
        ParsedForm form = parse("multipart/form-data; charset=utf-8; boundary=XyZ",
                "preamble\r\n--XyZ\r\ncontent-disposition: form-data; filename=\"a;b \\\"c\\\".txt\"; name=f\r\n"
                        + "Content-Type: text/plain\r\n\r\nbody\r\n--XyZ\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n"
                        + "--XyZ\r\nContent-Disposition: form-data; name=\"t\"\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n"
                        + "caf\u00e9\r\n--XyZ--");
        Upload u = form.files().get("f").get(0);
        assertThat(u.filename()).isEqualTo("a;b \"c\".txt");
        assertThat(u.contentType()).isEqualTo("text/plain");
        assertThat(new String(u.bytes(), StandardCharsets.UTF_8)).isEqualTo("body");
        assertThat(u.path()).isEmpty();
        assertThat(form.fields().get("empty")).isEqualTo(List.of(""));
        // the body's UTF-8 bytes of "é" read as ISO-8859-1, as the part says
        assertThat(form.fields().get("t")).isEqualTo(List.of("caf\u00c3\u00a9"));
    }

    @Test
    void keepsContentByteExactWhenEveryBoundaryStraddlesReads() throws IOException {
        byte[] content = tricky("B0undary");
        TempFiles temp = TempFiles.unmanaged();
        ParsedForm form = parse("multipart/form-data; boundary=B0undary", trickle(filePart("B0undary", "f", content)),
                new FormLimits(10_000, 10_000, 10), 100, temp);
        assertThat(form.files().get("f").get(0).bytes()).isEqualTo(content);
        temp.deleteAll();
    }

    @Test
    void filesAboveTheThresholdGoToTemporaryFilesDeletedWithTheRequest() throws IOException {
        byte[] content = new byte[5000];
        new Random(7).nextBytes(content);
        TempFiles temp = TempFiles.unmanaged();
        ParsedForm form = parse("multipart/form-data; boundary=q", new ByteArrayInputStream(filePart("q", "f", content)),
                new FormLimits(10_000, 10_000, 10), 1024, temp);
        Upload u = form.files().get("f").get(0);
        Path file = u.path().orElseThrow();
        assertThat(u.size()).isEqualTo(5000);
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(u.inputStream().readAllBytes()).isEqualTo(content);
        temp.deleteAll();
        assertThat(file).doesNotExist();
        assertThatThrownBy(temp::create).isInstanceOf(IOException.class).hasMessageContaining("completed");
    }

    @Test
    void anOversizedFileIs413BeforeTheRestOfItIsRead() {
        byte[] body = filePart("q", "big", new byte[1 << 20]);
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        TempFiles temp = TempFiles.unmanaged();
        assertThatThrownBy(() -> parse("multipart/form-data; boundary=q", in, LIMITS, 100, temp))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(413))
                .hasMessage("SKITAI-C081 file 'big' is larger than 1000 bytes");
        assertThat(body.length - in.available()).isLessThan(64 * 1024);
        temp.deleteAll();
    }

    @Test
    void textFieldsAndPartsAreBounded() {
        String big = "--b\r\nContent-Disposition: form-data; name=a\r\n\r\n" + "x".repeat(600) + "\r\n"
                + "--b\r\nContent-Disposition: form-data; name=b\r\n\r\n" + "y".repeat(600) + "\r\n--b--";
        assertThatThrownBy(() -> parse("multipart/form-data; boundary=b", big))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(413))
                .hasMessageContaining("text fields").hasMessageContaining("1000 bytes");
        String many = "--b\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n".repeat(11) + "--b--";
        assertThatThrownBy(() -> parse("multipart/form-data; boundary=b", many))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("more than 10 parts");
    }

    @Test
    void namesTheProblem() {
        assertThatThrownBy(() -> parse("multipart/form-data; boundary=B", "--B\r\nContent-Disposition: form-data; name=a\r\nx\r\n--B--"))
                .isInstanceOf(HttpError.class).hasMessageStartingWith("SKITAI-C082 malformed multipart body: a part's headers are malformed");
        assertThatThrownBy(() -> parse("multipart/form-data; boundary=B", "--B\r\nBroken\r\n\r\nx\r\n--B--"))
                .hasMessageContaining("headers are malformed");
        assertThatThrownBy(() -> parse("multipart/form-data; boundary=B", "--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--"))
                .hasMessageContaining("no Content-Disposition");
        assertThatThrownBy(() -> parse("multipart/form-data; boundary=B", "--B\r\nContent-Disposition: attachment; name=a\r\n\r\nx\r\n--B--"))
                .hasMessageContaining("not form-data");
        assertThatThrownBy(() -> parse("multipart/form-data; boundary=B", "--B\r\nContent-Disposition: form-data\r\n\r\nx\r\n--B--"))
                .hasMessageContaining("no name");
        assertThatThrownBy(() -> parse("multipart/form-data; boundary=B", "--Bjunk"))
                .hasMessageContaining("no opening boundary");
        assertThatThrownBy(() -> parse("multipart/form-data; boundary=B", "--B\r\nContent-Disposition: form-data; name=a\r\n\r\nunfinished"))
                .hasMessageContaining("not closed by the boundary");
        assertThatThrownBy(() -> parse("multipart/form-data", "--B--"))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("boundary");
    }
}
