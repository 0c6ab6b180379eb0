package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Pref;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.core.Upload;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;

class MultipartTest {

    private static final String BOUNDARY = "----skitaiBoundary7MA4YWxk";
    private static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    record Meta(String title, int count) {}

    public static class Uploads {
        @Route(value = "/meta", methods = Method.POST)
        public Meta meta(@Body Meta meta) {
            return meta;
        }

        @Route(value = "/fields", methods = Method.POST)
        public Map<String, Object> fields(String title, int count, @Param(required = false) List<String> tag) {
            return Map.of("title", title, "count", count, "tag", tag);
        }

        @Route(value = "/one", methods = Method.POST)
        public Map<String, Object> one(String title, Upload file) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("title", title);
            out.put("name", file.name());
            out.put("filename", file.filename());
            out.put("type", file.contentType());
            out.put("size", file.size());
            out.put("hex", HexFormat.of().formatHex(file.bytes()));
            return out;
        }

        @Route(value = "/many", methods = Method.POST)
        public List<Map<String, Object>> many(List<Upload> files) {
            return files.stream().map(f -> Map.<String, Object>of("filename", f.filename(), "type", f.contentType(),
                    "hex", HexFormat.of().formatHex(f.bytes()))).toList();
        }
    }

    /** Builds a multipart body; a part is {name, filename-or-null, content-type-or-null, bytes}. */
    static byte[] body(Object[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object[] p : parts) {
            StringBuilder h = new StringBuilder("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + p[0] + "\"");
            if (p[1] != null) {
                h.append("; filename=\"").append(p[1]).append('"');
            }
            h.append("\r\n");
            if (p[2] != null) {
                h.append("Content-Type: ").append(p[2]).append("\r\n");
            }
            h.append("\r\n");
            out.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p[3] instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) p[3]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void serve(Pref pref, ThrowingConsumer<TestClient> test) {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Uploads())).pref(pref);
        TestKit.serve(server, test);
    }

    /** Bytes that look like framing: CR, LF, dashes and the boundary's prefix, plus every byte value. */
    private static byte[] tricky() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("\r\n--\r\n----skitai\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < 256; i++) {
            out.write(i);
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    @Test
    void bindsTextFields() {
        serve(Pref.create(), cli -> {
            var r = cli.post("/fields", body(new Object[] {"title", null, null, "héllo"}, new Object[] {"count", null, null, "42"},
                    new Object[] {"tag", null, null, "a"}, new Object[] {"tag", null, null, "b"}), TYPE);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.<Map<String, Object>>data()).isEqualTo(Map.of("title", "héllo", "count", 42, "tag", List.of("a", "b")));
            var meta = cli.post("/meta", body(new Object[] {"title", null, null, "t"}, new Object[] {"count", null, null, "3"}), TYPE);
            assertThat(meta.<Map<String, Object>>data()).isEqualTo(Map.of("title", "t", "count", 3));
            var bad = cli.post("/fields", body(new Object[] {"title", null, null, "x"}, new Object[] {"count", null, null, "many"}), TYPE);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.text()).contains("count");
        });
    }

    @Test
    void bindsOneFileByteExact() {
        byte[] data = tricky();
        serve(Pref.create(), cli -> {
            var r = cli.post("/one", body(new Object[] {"title", null, null, "doc"}, new Object[] {"file", "a \\\"q\\\".bin", "image/png", data}),
                    "multipart/form-data; boundary=\"" + BOUNDARY + "\"");
            assertThat(r.status()).isEqualTo(200);
            Map<String, Object> d = r.data();
            assertThat(d).containsEntry("title", "doc").containsEntry("name", "file").containsEntry("filename", "a \"q\".bin")
                    .containsEntry("type", "image/png").containsEntry("size", data.length)
                    .containsEntry("hex", HexFormat.of().formatHex(data));
            var missing = cli.post("/one", body(new Object[] {"title", null, null, "doc"}), TYPE);
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.text()).contains("file");
        });
    }

    @Test
    void bindsSeveralFiles() {
        byte[] second = tricky();
        serve(Pref.create(), cli -> {
            var r = cli.post("/many", body(new Object[] {"files", "one.txt", "text/plain", "first\r\n"},
                    new Object[] {"files", "two.bin", null, second}), TYPE);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.<List<Object>>data()).isEqualTo(List.of(
                    Map.of("filename", "one.txt", "type", "text/plain", "hex", HexFormat.of().formatHex("first\r\n".getBytes(StandardCharsets.UTF_8))),
                    Map.of("filename", "two.bin", "type", "application/octet-stream", "hex", HexFormat.of().formatHex(second))));
        });
    }

    @Test
    void malformedBodiesAre400() {
        serve(Pref.create(), cli -> {
            byte[] ok = body(new Object[] {"title", null, null, "x"}, new Object[] {"count", null, null, "1"});
            byte[] truncated = java.util.Arrays.copyOf(ok, ok.length - 20);
            var r = cli.post("/fields", truncated, TYPE);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text()).contains("SKITAI-C082 malformed multipart body").contains("not closed");
            var noBoundary = cli.post("/fields", ok, "multipart/form-data");
            assertThat(noBoundary.status()).isEqualTo(400);
            assertThat(noBoundary.text()).contains("boundary");
            var noName = cli.post("/fields", ("--" + BOUNDARY + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n")
                    .getBytes(StandardCharsets.UTF_8), TYPE);
            assertThat(noName.status()).isEqualTo(400);
            assertThat(noName.text()).contains("no name");
            var garbage = cli.post("/fields", "hello".getBytes(StandardCharsets.UTF_8), TYPE);
            assertThat(garbage.status()).isEqualTo(400);
            assertThat(garbage.text()).contains("opening boundary");
        });
    }

    @Test
    void oversizedFileIs413NamingTheField() {
        serve(Pref.create().maxUploadFileSize(100), cli -> {
            var big = cli.request("POST", "/one").header("Accept", "application/json")
                    .body(body(new Object[] {"title", null, null, "doc"}, new Object[] {"file", "big.bin", null, new byte[101]}), TYPE).send();
            assertThat(big.status()).isEqualTo(413);
            assertThat(big.json().get("detail").asText()).isEqualTo("SKITAI-C081 file 'file' is larger than 100 bytes");
            var fits = cli.post("/one", body(new Object[] {"title", null, null, "doc"}, new Object[] {"file", "ok.bin", null, new byte[100]}), TYPE);
            assertThat(fits.status()).isEqualTo(200);
        });
    }
}
