package io.skitai.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RawConnection against canned bytes: every framing rule and failure, exactly. */
class RawResponseParsingTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void decodesChunksWithExtensionsAndTrailers() throws Exception {
        try (CannedServer s = CannedServer.replying("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-A: 1\r\nx-a: 2\r\n\r\n"
                + "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum: abc\r\n\r\n");
             RawConnection c = s.connect()) {
            RawResponse r = c.send("GET / HTTP/1.1\r\n\r\n").readResponse(WAIT);
            assertThat(r.chunked()).isTrue();
            assertThat(r.text()).isEqualTo("hello world");
            assertThat(r.headers("x-A")).isEqualTo(List.of("1", "2"));
            assertThat(r.trailers().get("x-checksum")).isEqualTo(List.of("abc"));
        }
    }

    @Test
    void keepsBytesAfterAContentLengthBodyForTheNextResponse() throws Exception {
        try (CannedServer s = CannedServer.replying("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"
                + "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
             RawConnection c = s.connect()) {
            assertThat(c.readResponse(WAIT).text()).isEqualTo("abc");
            RawResponse second = c.readResponse(WAIT);
            assertThat(second.status()).isEqualTo(201);
            assertThat(second.reason()).isEqualTo("Created");
            assertThat(second.body()).isEmpty();
        }
    }

    @Test
    void readsNoBodyForInterimNoContentAndNotModified() throws Exception {
        try (CannedServer s = CannedServer.replying("HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\nContent-Length: 99\r\n\r\n"
                + "HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
             RawConnection c = s.connect()) {
            assertThat(c.readResponse(WAIT).status()).isEqualTo(100);
            assertThat(c.readResponse(WAIT).status()).isEqualTo(204);
            assertThat(c.readResponse(WAIT).status()).isEqualTo(304);
            assertThat(c.readResponse(WAIT).text()).isEqualTo("ok");
        }
    }

    @Test
    void readsABodyDelimitedByClose() throws Exception {
        try (CannedServer s = CannedServer.play(sock -> {
                sock.getOutputStream().write("HTTP/1.0 200 OK\nServer: bare-lf\n\nuntil close".getBytes(StandardCharsets.ISO_8859_1));
                sock.close();
            });
             RawConnection c = s.connect()) {
            RawResponse r = c.readResponse(WAIT);
            assertThat(r.version()).isEqualTo("HTTP/1.0");
            assertThat(r.header("Server")).contains("bare-lf");
            assertThat(r.delimitedByClose()).isTrue();
            assertThat(r.text()).isEqualTo("until close");
        }
    }

    @Test
    void failsOnATruncatedBodySayingWhatCame() throws Exception {
        try (CannedServer s = CannedServer.play(sock -> {
                sock.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc".getBytes(StandardCharsets.ISO_8859_1));
                sock.close();
            });
             RawConnection c = s.connect()) {
            assertThatThrownBy(() -> c.readResponse(WAIT))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("connection closed after 3 of 10 body bytes")
                    .hasMessageContaining("Content-Length: 10\\r\\n\\r\\nabc");
        }
    }

    @Test
    void failsOnAResponseThatIsNotHttp() throws Exception {
        try (CannedServer s = CannedServer.replying("SSH-2.0-OpenSSH\r\n"); RawConnection c = s.connect()) {
            assertThatThrownBy(() -> c.readResponse(WAIT)).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("not an HTTP status line");
        }
    }

    @Test
    void timesOutOnAStalledBody() throws Exception {
        try (CannedServer s = CannedServer.replying("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nab");
             RawConnection c = s.connect()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> c.readResponse(Duration.ofMillis(300)))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("no complete response within PT0.3S");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void readAllFailsWhenThePeerDoesNotClose() throws Exception {
        try (CannedServer s = CannedServer.replying("partial"); RawConnection c = s.connect()) {
            assertThatThrownBy(() -> c.readAll(Duration.ofMillis(300)))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("did not close the connection within PT0.3S; received \"partial\"");
        }
    }

    @Test
    void seesACloseAResetAndAnOpenConnection() throws Exception {
        try (CannedServer s = CannedServer.play(sock -> {
                sock.getInputStream().read();
                sock.close();
            });
             RawConnection c = s.connect()) {
            assertThat(c.send("x").isClosedByPeer(WAIT)).isTrue();
        }
        try (CannedServer s = CannedServer.play(CannedServer::resetAfterFirstByte); RawConnection c = s.connect()) {
            assertThat(c.send("x").isClosedByPeer(WAIT)).isTrue();
        }
        try (CannedServer s = CannedServer.replying("some bytes the check drops"); RawConnection c = s.connect()) {
            assertThat(c.isClosedByPeer(Duration.ofMillis(200))).isFalse();
        }
    }

    @Test
    void boundsAWriteThePeerNeverReads() throws Exception {
        try (CannedServer s = CannedServer.play(sock -> Thread.sleep(30_000));
             RawConnection c = RawConnection.open("127.0.0.1", s.port(), Duration.ofMillis(500))) {
            byte[] big = new byte[64 * 1024 * 1024];
            assertThatThrownBy(() -> c.send(big))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("did not finish within PT0.5S");
        }
    }

    @Test
    void trySendReportsAHangUp() throws Exception {
        try (CannedServer s = CannedServer.play(CannedServer::resetAfterFirstByte); RawConnection c = s.connect()) {
            assertThat(c.send("x").isClosedByPeer(WAIT)).isTrue();
            boolean sent = true;
            for (int i = 0; i < 10 && sent; i++) {
                sent = c.trySend(new byte[64 * 1024]);
            }
            assertThat(sent).isFalse();
        }
    }
}
