package io.skitai.atila.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.HttpError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartParseTest {

    private static Multipart parse(String type, String body) {
        return Multipart.parse(type, body.getBytes(StandardCharsets.UTF_8), 1000);
    }

    @Test
    void skipsPreambleAndReadsQuotedParameters() {
        Multipart m = parse("multipart/form-data; charset=utf-8; boundary=XyZ",
                "preamble\r\n--XyZ\r\ncontent-disposition: form-data; filename=\"a;b \\\"c\\\".txt\"; name=f\r\n"
                        + "Content-Type: text/plain\r\n\r\nbody\r\n--XyZ\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n--XyZ--");
        assertThat(m.files().get("f")).hasSize(1);
        var u = m.files().get("f").get(0);
        assertThat(u.filename()).isEqualTo("a;b \"c\".txt");
        assertThat(u.contentType()).isEqualTo("text/plain");
        assertThat(new String(u.bytes(), StandardCharsets.UTF_8)).isEqualTo("body");
        assertThat(m.fields().get("empty")).isEqualTo(List.of(""));
    }

    @Test
    void namesTheProblem() {
        assertThatThrownBy(() -> parse("multipart/form-data; boundary=B", "--B\r\nContent-Disposition: form-data; name=a\r\nx\r\n--B--"))
                .isInstanceOf(HttpError.class).hasMessageContaining("headers do not end");
        assertThatThrownBy(() -> parse("multipart/form-data; boundary=B", "--B\r\nBroken\r\n\r\nx\r\n--B--"))
                .hasMessageContaining("malformed part header");
        assertThatThrownBy(() -> parse("multipart/form-data; boundary=B", "--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--"))
                .hasMessageContaining("no Content-Disposition");
        assertThatThrownBy(() -> parse("multipart/form-data; boundary=B", "--Bjunk"))
                .hasMessageContaining("not followed by CRLF");
    }
}
