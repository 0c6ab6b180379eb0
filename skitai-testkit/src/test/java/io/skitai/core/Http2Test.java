package io.skitai.core;

import static io.skitai.core.H2Frames.ACK;
import static io.skitai.core.H2Frames.CONTINUATION;
import static io.skitai.core.H2Frames.DATA;
import static io.skitai.core.H2Frames.END_HEADERS;
import static io.skitai.core.H2Frames.END_STREAM;
import static io.skitai.core.H2Frames.GOAWAY;
import static io.skitai.core.H2Frames.HEADERS;
import static io.skitai.core.H2Frames.PREFACE;
import static io.skitai.core.H2Frames.RST_STREAM;
import static io.skitai.core.H2Frames.SETTINGS;
import static io.skitai.core.H2Frames.getRequestBlock;
import static io.skitai.core.H2Frames.getWithBigHeader;
import static io.skitai.core.H2Frames.hpackInt;
import static io.skitai.core.H2Frames.priorKnowledge;
import static io.skitai.core.H2Frames.read;
import static io.skitai.core.H2Frames.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.H2Frames.Frame;
import io.skitai.core.TestPki.KeyFormat;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP/2: h2 over TLS by ALPN, h2c by upgrade, h2c with prior knowledge, and its limits. */
class Http2Test {


    @TempDir
    Path dir;

    private static ServerBuilder hello() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", (Handler) ex -> ex.send("hello " + ex.protocol()));
        return server;
    }

    // ---- h2 and h2c with java.net.http ----------------------------------------------------------

    @Test
    void h2OverTlsIsNegotiatedByAlpn() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.ENCRYPTED_PKCS8_EC);
        ServerBuilder serverConfig = hello().enableSsl(pem.certificate(), pem.key(), TestPki.PASSPHRASE);
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .sslContext(TestPki.trusting(pem.x509())).build()) {
            server.start(Run.port(0));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("hello HTTP/2.0");
        } finally {
            server.stop();
        }
    }

    @Test
    void h2OverTlsAdvertisesTheSameLimits() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        ServerBuilder serverConfig = hello().enableSsl(pem.certificate(), pem.key());
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        try {
            server.start(Run.port(0));
            try (SSLSocket socket = (SSLSocket) TestPki.trusting(pem.x509()).getSocketFactory()
                    .createSocket("127.0.0.1", server.port())) {
                socket.setSoTimeout(10_000);
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setApplicationProtocols(new String[] {"h2"});
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                assertThat(socket.getApplicationProtocol()).isEqualTo("h2");
                socket.getOutputStream().write(PREFACE);
                write(socket.getOutputStream(), SETTINGS, 0, 0, new byte[0]);
                socket.getOutputStream().flush();
                Frame f = read(new DataInputStream(socket.getInputStream()));
                assertThat(f.type()).isEqualTo(SETTINGS);
                assertThat(f.settings()).containsEntry(0x3, 100L).containsEntry(0x6, 32L * 1024);
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void http11ClientsStillGetHttp11OverTls() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        ServerBuilder serverConfig = hello().enableSsl(pem.certificate(), pem.key());
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(TestPki.trusting(pem.x509())).build()) {
            server.start(Run.port(0));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(r.body()).isEqualTo("hello HTTP/1.1");
        } finally {
            server.stop();
        }
    }

    @Test
    void h2cUpgradeIsAnsweredAsHttp2() throws Exception {
        ServerBuilder serverConfig = hello();
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
            server.start(Run.port(0));
            // The first request on a new connection carries "Upgrade: h2c"; later ones ride on h2c.
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("hello HTTP/2.0");
            }
        } finally {
            server.stop();
        }
    }

    // ---- h2c with prior knowledge, on a raw socket -----------------------------------------------

    @Test
    void h2cPriorKnowledgeAdvertisesTheLimitsAndServes() throws Exception {
        ServerBuilder serverConfig = hello();
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        try {
            server.start(Run.port(0));
            try (Socket socket = priorKnowledge(server.port())) {
                OutputStream out = socket.getOutputStream();
                write(out, HEADERS, END_STREAM | END_HEADERS, 1, getRequestBlock("127.0.0.1:" + server.port()));
                out.flush();

                DataInputStream in = new DataInputStream(socket.getInputStream());
                Frame serverSettings = null;
                Frame responseHeaders = null;
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                boolean ended = false;
                while (!ended) {
                    Frame f = read(in);
                    if (f.type() == SETTINGS && (f.flags() & ACK) == 0) {
                        serverSettings = f;
                        write(out, SETTINGS, ACK, 0, new byte[0]);
                        out.flush();
                    } else if (f.type() == HEADERS && f.stream() == 1) {
                        responseHeaders = f;
                        ended = (f.flags() & END_STREAM) != 0;
                    } else if (f.type() == DATA && f.stream() == 1) {
                        body.writeBytes(f.payload());
                        ended = (f.flags() & END_STREAM) != 0;
                    } else if (f.type() == GOAWAY) {
                        throw new AssertionError("GOAWAY: " + ByteBuffer.wrap(f.payload()).getInt(4));
                    }
                }
                assertThat(serverSettings).as("the server's SETTINGS frame").isNotNull();
                assertThat(serverSettings.stream()).isZero();
                Map<Integer, Long> settings = serverSettings.settings();
                assertThat(settings).as("SETTINGS_MAX_CONCURRENT_STREAMS").containsEntry(0x3, 100L);
                assertThat(settings).as("SETTINGS_MAX_HEADER_LIST_SIZE").containsEntry(0x6, 32L * 1024);
                assertThat(responseHeaders).as("HEADERS on stream 1").isNotNull();
                assertThat(responseHeaders.payload()[0] & 0xff).as(":status 200, indexed").isEqualTo(0x88);
                assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo("hello HTTP/2.0");
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void advertisedLimitsFollowTheConfiguration() throws Exception {
        ServerBuilder serverConfig = hello().setMaxConcurrentStreams(7).setHeaderLimits(4 * 1024, 16 * 1024, 50);
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        try {
            server.start(Run.port(0));
            try (Socket socket = priorKnowledge(server.port())) {
                socket.getOutputStream().flush();
                DataInputStream in = new DataInputStream(socket.getInputStream());
                Frame f = read(in);
                while (f.type() != SETTINGS || (f.flags() & ACK) != 0) {
                    f = read(in);
                }
                assertThat(f.settings()).containsEntry(0x3, 7L).containsEntry(0x6, 16L * 1024);
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void headerListOverTheLimitEndsTheConnectionAtOnce() throws Exception {
        // 40000 bytes of headers, over the 32 KiB limit, arrive as HEADERS and CONTINUATION frames.
        // Requests under the limit that need CONTINUATION frames: Http2EdgesTest.
        ServerBuilder serverConfig = hello();
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        try {
            server.start(Run.port(0));
            long start = System.nanoTime();
            Frame refused = getWithBigHeader(server.port(), 40_000);
            assertThat(refused.type()).as("GOAWAY").isEqualTo(GOAWAY);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            server.stop();
        }
    }

    @Test
    void rapidResetIsCutOff() throws Exception {
        // Handlers on virtual threads, the default: a write to a stream the client has reset fails
        // at once (Http2EdgesTest), so stop() does not wait out the drain.
        ServerBuilder serverConfig = hello();
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        try {
            server.start(Run.port(0));
            try (Socket socket = priorKnowledge(server.port())) {
                OutputStream out = socket.getOutputStream();
                byte[] block = getRequestBlock("127.0.0.1:" + server.port());
                byte[] cancel = ByteBuffer.allocate(4).putInt(0x8).array(); // CANCEL
                long start = System.nanoTime();
                try {
                    // Open and cancel streams at once, as CVE-2023-44487 does, past the 200 allowed.
                    for (int stream = 1; stream < 2 * 400; stream += 2) {
                        write(out, HEADERS, END_HEADERS, stream, block);
                        write(out, RST_STREAM, 0, stream, cancel);
                    }
                    out.flush();
                } catch (SocketException closedWhileWriting) {
                    // cut off already
                }
                DataInputStream in = new DataInputStream(socket.getInputStream());
                Integer goAway = null;
                try {
                    while (goAway == null) {
                        Frame f = read(in);
                        if (f.type() == GOAWAY) {
                            goAway = ByteBuffer.wrap(f.payload()).getInt(4);
                        }
                    }
                } catch (EOFException | SocketException closed) {
                    // Undertow may close right after queueing GOAWAY, before it is flushed
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("cut off promptly")
                        .isLessThan(Duration.ofSeconds(5));
                if (goAway != null) {
                    assertThat(goAway).as("GOAWAY error code ENHANCE_YOUR_CALM").isEqualTo(0xb);
                }
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void plainClientsStillGetHttp11() throws Exception {
        ServerBuilder serverConfig = hello();
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build()) {
            server.start(Run.port(0));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(r.body()).isEqualTo("hello HTTP/1.1");
        } finally {
            server.stop();
        }
    }
}
