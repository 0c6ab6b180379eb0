package io.skitai.core;

import static io.skitai.core.TestPki.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.TestPki.KeyFormat;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** HTTPS with PEM files as {@code enableSsl} takes them, and the HTTP→HTTPS forward listener. */
class TlsTest {

    @TempDir
    Path dir;

    // ---- helpers -----------------------------------------------------------------------------

    /** Starts an HTTPS server (and whatever {@code configure} adds), runs {@code test}, stops it. */
    private void withHttps(TestPki.Pem pem, String passphrase, Consumer<ServerBuilder> configure,
            ThrowingConsumer<SkitaiServer> test) throws Exception {
        ServerBuilder serverConfig = ServerBuilder.create();
        serverConfig.mount("/", (Handler) ex -> ex.send("hello " + ex.protocol()));
        serverConfig.enableSsl(pem.certificate(), pem.key(), passphrase);
        configure.accept(serverConfig);
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        try {
            server.start(Run.port(0));
            test.accept(server);
        } finally {
            server.stop();
        }
    }

    @FunctionalInterface
    private interface ThrowingConsumer<T> {
        void accept(T t) throws Exception;
    }

    private static HttpClient client(TestPki.Pem pem, HttpClient.Version version) {
        return HttpClient.newBuilder().version(version).sslContext(TestPki.trusting(pem.x509()))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Fails to start, and returns the one-line message. */
    private static String startupFailure(SkitaiServer server) {
        return startupFailure(server, 0);
    }

    private static String startupFailure(SkitaiServer server, int port) {
        try {
            server.start(Run.port(port));
        } catch (StartupException e) {
            assertThat(server.isRunning()).isFalse();
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(PASSPHRASE).doesNotContain("\tat ");
            return e.getMessage();
        } finally {
            server.stop();
        }
        throw new AssertionError("the server started");
    }

    /** Sends raw bytes and reads everything until the server closes (or 10 s pass). */
    private static String raw(int port, String request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    // ---- HTTPS with every key format ----------------------------------------------------------

    @ParameterizedTest
    @EnumSource(KeyFormat.class)
    void servesHttpsWithEveryKeyFormat(KeyFormat format) throws Exception {
        TestPki.Pem pem = TestPki.write(dir, format);
        withHttps(pem, format.encrypted() ? PASSPHRASE : null, s -> {}, server -> {
            try (HttpClient client = client(pem, HttpClient.Version.HTTP_1_1)) {
                HttpResponse<String> r = get(client, "https://127.0.0.1:" + server.port() + "/");
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("hello HTTP/1.1");
                assertThat(r.sslSession()).hasValueSatisfying(
                        session -> assertThat(session.getProtocol()).isEqualTo("TLSv1.3"));
            }
            try (HttpClient client = client(pem, HttpClient.Version.HTTP_1_1)) {
                assertThat(get(client, "https://localhost:" + server.port() + "/").statusCode())
                        .as("the SAN names localhost too").isEqualTo(200);
            }
        });
    }

    @Test
    void servesTls12Clients() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        withHttps(pem, null, s -> {}, server -> {
            try (SSLSocket socket = (SSLSocket) TestPki.trusting(pem.x509()).getSocketFactory()
                    .createSocket("127.0.0.1", server.port())) {
                socket.setSoTimeout(10_000);
                socket.setEnabledProtocols(new String[] {"TLSv1.2"});
                socket.startHandshake();
                assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
                socket.getOutputStream().write(
                        "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(response).startsWith("HTTP/1.1 200").endsWith("hello HTTP/1.1");
            }
        });
    }

    // ---- startup failures, one line each -------------------------------------------------------

    @Test
    void wrongPassphraseFailsToStart() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.ENCRYPTED_PKCS8_RSA);
        ServerBuilder serverConfig = ServerBuilder.create().enableSsl(pem.certificate(), pem.key(), "Wrong-" + PASSPHRASE);
        serverConfig.mount("/", (Handler) ex -> ex.send("x"));
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        assertThat(startupFailure(server)).startsWith("SKITAI-C033").contains("wrong passphrase", pem.key().toString())
                .doesNotContain("Wrong-");
    }

    @Test
    void wrongPassphraseForATraditionallyEncryptedKeyFailsToStart() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.TRADITIONAL_ENCRYPTED_RSA);
        ServerBuilder serverConfig = ServerBuilder.create().enableSsl(pem.certificate(), pem.key(), "Wrong-" + PASSPHRASE);
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        assertThat(startupFailure(server)).startsWith("SKITAI-C033").contains("wrong passphrase").doesNotContain("Wrong-");
    }

    @Test
    void missingPassphraseFailsToStart() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.TRADITIONAL_ENCRYPTED_RSA);
        ServerBuilder serverConfig = ServerBuilder.create().enableSsl(pem.certificate(), pem.key());
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        assertThat(startupFailure(server)).startsWith("SKITAI-C032").contains("is encrypted", "no passphrase");
    }

    @Test
    void missingCertificateFailsToStart() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        Path missing = dir.resolve("missing.crt");
        ServerBuilder serverConfig = ServerBuilder.create().enableSsl(missing, pem.key(), PASSPHRASE);
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        assertThat(startupFailure(server)).startsWith("SKITAI-C003")
                .contains("certificate file", missing.toString(), "does not exist");
    }

    @Test
    void missingKeyFailsToStart() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        Path missing = dir.resolve("missing.key");
        ServerBuilder serverConfig = ServerBuilder.create().enableSsl(pem.certificate(), missing, PASSPHRASE);
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        assertThat(startupFailure(server)).startsWith("SKITAI-C003")
                .contains("private key file", missing.toString(), "does not exist");
    }

    @Test
    void mismatchedKeyFailsToStart() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        Path other = TestPki.writeKey(dir.resolve("other.key"), TestPki.otherRsa().getPrivate(),
                KeyFormat.ENCRYPTED_PKCS8_RSA, PASSPHRASE);
        ServerBuilder serverConfig = ServerBuilder.create().enableSsl(pem.certificate(), other, PASSPHRASE);
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        assertThat(startupFailure(server)).startsWith("SKITAI-C034")
                .contains("does not match the certificate", other.toString(), pem.certificate().toString());
    }

    @Test
    void tlsPortInUseFailsToStart() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ServerBuilder serverConfig = ServerBuilder.create().enableSsl(pem.certificate(), pem.key());
            serverConfig.mount("/", (Handler) ex -> ex.send("x"));
            SkitaiServer server = SkitaiServer.create(serverConfig.enableForward(0, 0).build());
            try {
                assertThat(startupFailure(server, taken.getLocalPort())).startsWith("SKITAI-C001")
                        .contains(String.valueOf(taken.getLocalPort()), "already in use");
            } finally {
                server.stop();
            }
        }
    }

    // ---- handshake bounded in time ---------------------------------------------------------------

    private void assertDisconnectedWithin(int port, byte[] sent, Duration limit) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout((int) limit.toMillis() + 5000);
            s.getOutputStream().write(sent);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            try {
                while (in.read() >= 0) {
                    // the server may answer a half ClientHello with an alert; wait for the close
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("still connected after " + limit.plusSeconds(5), e);
            } catch (SocketException reset) {
                // a reset is a disconnect too
            }
            // Disconnected (EOF or reset) before the read timeout: without the server's timeouts
            // the connection would stay open and the read above would time out instead.
        }
    }

    @Test
    void silentTlsClientIsDisconnected() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        withHttps(pem, null, s -> s.setRequestTimeout(Duration.ofSeconds(1)).setHeaderTimeout(Duration.ofSeconds(1))
                .setKeepAlive(Duration.ofSeconds(1)), server -> {
            assertDisconnectedWithin(server.port(), new byte[0], Duration.ofSeconds(4));
        });
    }

    @Test
    void clientThatStopsMidHandshakeIsDisconnected() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        withHttps(pem, null, s -> s.setRequestTimeout(Duration.ofSeconds(1)).setHeaderTimeout(Duration.ofSeconds(1))
                .setKeepAlive(Duration.ofSeconds(1)), server -> {
            // A TLS record header announcing a 512-byte handshake message, then nothing.
            byte[] halfHello = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};
            assertDisconnectedWithin(server.port(), halfHello, Duration.ofSeconds(4));
        });
    }

    @Test
    void handshakedButSilentClientIsDisconnected() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        withHttps(pem, null, s -> s.setRequestTimeout(Duration.ofSeconds(1)).setHeaderTimeout(Duration.ofSeconds(1))
                .setKeepAlive(Duration.ofSeconds(1)), server -> {
            try (SSLSocket socket = (SSLSocket) TestPki.trusting(pem.x509()).getSocketFactory()
                    .createSocket("127.0.0.1", server.port())) {
                socket.setSoTimeout(9_000);
                socket.startHandshake();
                long start = System.nanoTime();
                try {
                    assertThat(socket.getInputStream().read()).isEqualTo(-1);
                } catch (SocketException reset) {
                    // closed
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            }
        });
    }

    @Test
    void handshakeDeadlineEndsWithTheHandshake() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        withHttps(pem, null, s -> s.setHeaderTimeout(Duration.ofSeconds(1)).setKeepAlive(Duration.ofSeconds(5))
                .setRequestTimeout(Duration.ofSeconds(5)), server -> {
            try (SSLSocket socket = (SSLSocket) TestPki.trusting(pem.x509()).getSocketFactory()
                    .createSocket("127.0.0.1", server.port())) {
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                Thread.sleep(2_000); // past the 1 s handshake deadline, within the 5 s keep-alive
                socket.getOutputStream().write(
                        "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(response).startsWith("HTTP/1.1 200").endsWith("hello HTTP/1.1");
            }
        });
    }

    // ---- HTTP → HTTPS forward ---------------------------------------------------------------------

    @Test
    void forwardRedirectsGetWith301ToTheSameUrlOnTheTlsPort() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        withHttps(pem, null, s -> s.enableForward(0, 0), server -> {
            assertThat(server.forwardPort()).isPositive().isNotEqualTo(server.port());
            try (HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                HttpResponse<String> r = get(plain,
                        "http://127.0.0.1:" + server.forwardPort() + "/a/b%20c/d.html?x=1&y=%2F&z");
                assertThat(r.statusCode()).isEqualTo(301);
                String location = "https://127.0.0.1:" + server.port() + "/a/b%20c/d.html?x=1&y=%2F&z";
                assertThat(r.headers().firstValue("Location")).hasValue(location);
                try (HttpClient tls = client(pem, HttpClient.Version.HTTP_1_1)) {
                    assertThat(get(tls, location).body()).isEqualTo("hello HTTP/1.1");
                }
                HttpResponse<Void> head = plain.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.forwardPort() + "/")).HEAD().build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(head.statusCode()).isEqualTo(301);
                assertThat(head.headers().firstValue("Location")).hasValue("https://127.0.0.1:" + server.port() + "/");
            }
        });
    }

    @Test
    void forwardRedirectsPostWith308() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        withHttps(pem, null, s -> s.enableForward(0, 0), server -> {
            try (HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                HttpResponse<String> r = plain.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.forwardPort() + "/form?id=7"))
                        .POST(HttpRequest.BodyPublishers.ofString("a=1")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(308);
                assertThat(r.headers().firstValue("Location"))
                        .hasValue("https://127.0.0.1:" + server.port() + "/form?id=7");
            }
        });
    }

    @Test
    void forwardToPort443LeavesThePortOut() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        withHttps(pem, null, s -> s.enableForward(0, 443), server -> {
            String response = raw(server.forwardPort(), "GET /x?q=1 HTTP/1.1\r\nHost: example.com:8080\r\n\r\n");
            assertThat(response).startsWith("HTTP/1.1 301").contains("Location: https://example.com/x?q=1\r\n")
                    .containsIgnoringCase("Connection: close");
        });
    }

    @Test
    void forwardKeepsOnlyThePathOfAnAbsoluteFormRequest() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        withHttps(pem, null, s -> s.enableForward(0, 8443), server -> {
            String response = raw(server.forwardPort(),
                    "GET http://example.com/p/q?r=s HTTP/1.1\r\nHost: example.com\r\n\r\n");
            assertThat(response).startsWith("HTTP/1.1 301").contains("Location: https://example.com:8443/p/q?r=s\r\n");
            String ipv6 = raw(server.forwardPort(), "GET /v6 HTTP/1.1\r\nHost: [::1]:80\r\n\r\n");
            assertThat(ipv6).contains("Location: https://[::1]:8443/v6\r\n");
        });
    }

    @Test
    void forwardRefusesAHostThatIsNotAHostName() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        withHttps(pem, null, s -> s.enableForward(0, 0), server -> {
            String response = raw(server.forwardPort(), "GET / HTTP/1.1\r\nHost: evil.example@good.example\r\n\r\n");
            assertThat(response).startsWith("HTTP/1.1 400").doesNotContain("Location");
        });
    }

    @Test
    void forwardToThisServerNeedsTls() {
        ServerBuilder serverConfig = ServerBuilder.create().enableForward(0, 0);
        serverConfig.mount("/", (Handler) ex -> ex.send("x"));
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        assertThat(startupFailure(server)).startsWith("SKITAI-C037").contains("enableSsl");
    }

    @Test
    void forwardToAnotherHttpsPortWorksWithoutTlsHere() throws Exception {
        ServerBuilder serverConfig = ServerBuilder.create().enableForward(0, 8443);
        serverConfig.mount("/", (Handler) ex -> ex.send("x"));
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        try {
            server.start(Run.port(0));
            String response = raw(server.forwardPort(), "GET /y HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(response).startsWith("HTTP/1.1 301").contains("Location: https://127.0.0.1:8443/y\r\n");
        } finally {
            server.stop();
        }
    }
}
