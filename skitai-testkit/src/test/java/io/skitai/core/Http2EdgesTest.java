package io.skitai.core;

import static io.skitai.core.H2Frames.HEADERS;
import static io.skitai.core.H2Frames.getWithBigHeader;
import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.H2Frames.Frame;
import io.skitai.testkit.TestKit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** HTTP/2 edges on a raw h2c client: header blocks split over CONTINUATION frames, reset streams. */
class Http2EdgesTest {

    /** A server answering with the bytes of the request's x-big-* headers. */
    private static ServerBuilder bigHeaderServer() {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/", (Handler) ex -> ex.send("x-big " + bigHeaderBytes(ex)));
        return config;
    }

    private static int bigHeaderBytes(Exchange ex) {
        int sum = 0;
        for (int i = 0; ex.header("x-big-" + i).isPresent(); i++) {
            sum += ex.header("x-big-" + i).get().length();
        }
        return sum;
    }

    @Test
    void requestsWhoseHeadersNeedContinuationFramesAreAllAnswered() throws Exception {
        TestKit.serve(bigHeaderServer(), cli -> {
            int port = cli.port();
            // 8 clients at once, 25 connections each, one request per connection
            List<Callable<Integer>> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                clients.add(() -> {
                    int answered = 0;
                    for (int i = 0; i < 25; i++) {
                        if (getWithBigHeader(port, 20_000).type() == HEADERS) {
                            answered++;
                        }
                    }
                    return answered;
                });
            }
            int answered = 0;
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                for (Future<Integer> f : pool.invokeAll(clients)) {
                    answered += f.get();
                }
            }
            assertThat(answered).isEqualTo(200);
        });
    }

    @Test
    void manyStreamsOnOneConnectionWithContinuationFramesAreAllAnswered() throws Exception {
        TestKit.serve(bigHeaderServer(), cli -> {
            int port = cli.port();
            try (Socket socket = H2Frames.priorKnowledge(port)) {
                OutputStream out = socket.getOutputStream();
                int streams = 90;
                for (int i = 0; i < streams; i++) {
                    H2Frames.writeBigHeaderRequest(out, 1 + 2 * i, "127.0.0.1:" + port, 20_000);
                }
                out.flush();
                DataInputStream in = new DataInputStream(socket.getInputStream());
                Set<Integer> answered = new HashSet<>();
                try {
                    while (answered.size() < streams) {
                        Frame f = H2Frames.read(in);
                        if (f.type() == HEADERS) {
                            answered.add(f.stream());
                        } else if (f.type() == H2Frames.GOAWAY) {
                            break;
                        } else if (f.type() == H2Frames.SETTINGS && (f.flags() & H2Frames.ACK) == 0) {
                            H2Frames.write(out, H2Frames.SETTINGS, H2Frames.ACK, 0, new byte[0]);
                            out.flush();
                        }
                    }
                } catch (java.net.SocketTimeoutException e) {
                    // counted below
                }
                assertThat(answered).hasSize(streams);
            }
        });
    }

    @TempDir
    Path dir;

    @Test
    void jdkClientOverTlsWithBigHeadersGetsEveryAnswer() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, TestPki.KeyFormat.ENCRYPTED_PKCS8_EC);
        ServerBuilder config = ServerBuilder.create().enableSsl(pem.certificate(), pem.key(), TestPki.PASSPHRASE);
        config.mount("/", (Handler) ex -> ex.send("x-big " + bigHeaderBytes(ex)));
        SkitaiServer server = SkitaiServer.create(config.build());
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .sslContext(TestPki.trusting(pem.x509())).build()) {
            server.start(Run.port(0));
            String big = "b".repeat(5_000);
            int ok = 0;
            List<String> failures = new ArrayList<>();
            for (int batch = 0; batch < 3; batch++) { // within the 100 concurrent streams a connection allows
                List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
                for (int i = 0; i < 90; i++) {
                    calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/?i=" + i))
                            .header("x-big-0", big).header("x-big-1", big).header("x-big-2", big).header("x-big-3", big)
                            .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()));
                }
                for (CompletableFuture<HttpResponse<String>> c : calls) {
                    try {
                        HttpResponse<String> r = c.get(60, TimeUnit.SECONDS);
                        if (r.statusCode() == 200 && r.body().equals("x-big 20000") && r.version() == HttpClient.Version.HTTP_2) {
                            ok++;
                        } else {
                            failures.add(r.statusCode() + " " + r.version() + " " + r.body());
                        }
                    } catch (Exception e) {
                        failures.add(String.valueOf(e));
                    }
                }
            }
            assertThat(failures).isEmpty();
            assertThat(ok).isEqualTo(270);
        } finally {
            server.stop();
        }
    }

    @Test
    void aWriteToAStreamTheClientResetFailsAtOnce() throws Exception {
        CompletableFuture<Throwable> writeFailed = new CompletableFuture<>();
        CountDownLatch writing = new CountDownLatch(1);
        ServerBuilder config = ServerBuilder.create();
        config.mount("/", (Handler) ex -> {
            writing.countDown();
            try {
                ex.send(new byte[4 << 20]); // far beyond the 64 KiB the client's stream window allows
                writeFailed.complete(null);
            } catch (RuntimeException e) {
                writeFailed.complete(e);
                throw e;
            }
        });
        TestKit.serve(config, cli -> {
            int port = cli.port();
            try (Socket socket = H2Frames.priorKnowledge(port)) {
                OutputStream out = socket.getOutputStream();
                H2Frames.write(out, HEADERS, H2Frames.END_STREAM | H2Frames.END_HEADERS, 1,
                        H2Frames.getRequestBlock("127.0.0.1:" + port));
                out.flush();
                assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
                // the handler now waits for window; the client gives up on the stream instead
                H2Frames.write(out, H2Frames.RST_STREAM, 0, 1, java.nio.ByteBuffer.allocate(4).putInt(0x8).array());
                out.flush();
                // The write fails as soon as the reset is read, not after the I/O timeout: the
                // handler's failure is seen while the client keeps the connection open, and
                // well inside the drain time stop() then needs.
                Throwable failure = writeFailed.get(60, TimeUnit.SECONDS);
                assertThat(failure).as("the handler's write fails").isNotNull();
                assertThat(failure).as("failed by the reset, not by the I/O timeout").hasMessageNotContaining("did not complete");
            }
        });
    }
}
