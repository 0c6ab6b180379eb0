package io.skitai.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypesTest {

    @Test
    void textTypesCarryUtf8() {
        assertThat(ContentTypes.of("index.html")).isEqualTo("text/html; charset=utf-8");
        assertThat(ContentTypes.of("site.css")).isEqualTo("text/css; charset=utf-8");
        assertThat(ContentTypes.of("app.js")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(ContentTypes.of("app.mjs")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(ContentTypes.of("data.json")).isEqualTo("application/json; charset=utf-8");
        assertThat(ContentTypes.of("notes.txt")).isEqualTo("text/plain; charset=utf-8");
        assertThat(ContentTypes.of("logo.svg")).isEqualTo("image/svg+xml; charset=utf-8");
    }

    @Test
    void binaryTypesHaveNoCharset() {
        assertThat(ContentTypes.of("logo.png")).isEqualTo("image/png");
        assertThat(ContentTypes.of("photo.JPG")).isEqualTo("image/jpeg");
        assertThat(ContentTypes.of("font.woff2")).isEqualTo("font/woff2");
        assertThat(ContentTypes.of("module.wasm")).isEqualTo("application/wasm");
        assertThat(ContentTypes.of("clip.mp4")).isEqualTo("video/mp4");
        assertThat(ContentTypes.of("doc.pdf")).isEqualTo("application/pdf");
    }

    @Test
    void unknownIsOctetStream() {
        assertThat(ContentTypes.of("data.xyz")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.of("README")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.of("trailing.")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.of("archive.tar.unknown")).isEqualTo("application/octet-stream");
    }
}
