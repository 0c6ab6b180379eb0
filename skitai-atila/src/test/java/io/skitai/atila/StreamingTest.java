package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestKit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingTest {

    static final byte[] DATA = new byte[70_000];

    static {
        for (int i = 0; i < DATA.length; i++) {
            DATA[i] = (byte) (i * 31);
        }
    }

    public static class Files_ {
        final Path dir;
        final AtomicBoolean closed = new AtomicBoolean();

        Files_(Path dir) {
            this.dir = dir;
        }

        @Route("/stream")
        public InputStream stream() {
            return new ByteArrayInputStream(DATA) {
                @Override
                public void close() throws IOException {
                    closed.set(true);
                    super.close();
                }
            };
        }

        @Route("/file/{name}")
        public Path file(String name) {
            return dir.resolve(name);
        }

        @Route("/chunks")
        public Streamed chunks() {
            return out -> {
                for (int i = 0; i < 3; i++) {
                    out.write(("chunk" + i + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            };
        }

        @Route("/typed")
        public Streamed typed() {
            return Streamed.of("text/csv; charset=utf-8", out -> out.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
        }

        @Route("/wrapped")
        public Response wrapped() {
            return Response.of(201, dir.resolve("page.html")).header("Content-Type", "text/plain");
        }
    }

    @Test
    void streamsInputStreamsFilesAndStreamedBodies(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("blob.bin"), DATA);
        Files.writeString(dir.resolve("page.html"), "<p>ü</p>");
        Files.writeString(dir.resolve("data.json"), "{\"a\":1}");
        Files_ controller = new Files_(dir);
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(controller));
        TestKit.serve(server, cli -> {
            var stream = cli.get("/stream");
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).isEqualTo("application/octet-stream");
            assertThat(stream.bytes()).isEqualTo(DATA);
            assertThat(controller.closed).isTrue();

            var blob = cli.get("/file/blob.bin");
            assertThat(blob.contentType()).isEqualTo("application/octet-stream");
            assertThat(blob.bytes()).isEqualTo(DATA);
            var page = cli.get("/file/page.html");
            assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
            assertThat(page.bytes()).isEqualTo("<p>ü</p>".getBytes(StandardCharsets.UTF_8));
            assertThat(cli.get("/file/data.json").contentType()).isEqualTo("application/json; charset=utf-8");
            assertThat(cli.get("/file/missing.txt").status()).isEqualTo(404);

            var chunks = cli.get("/chunks");
            assertThat(chunks.contentType()).isEqualTo("application/octet-stream");
            assertThat(chunks.text()).isEqualTo("chunk0\nchunk1\nchunk2\n");
            var typed = cli.get("/typed");
            assertThat(typed.contentType()).isEqualTo("text/csv; charset=utf-8");
            assertThat(typed.text()).isEqualTo("a,b\n1,2\n");

            var wrapped = cli.get("/wrapped");
            assertThat(wrapped.status()).isEqualTo(201);
            assertThat(wrapped.contentType()).isEqualTo("text/plain");
            assertThat(wrapped.text()).isEqualTo("<p>ü</p>");
        });
    }
}
