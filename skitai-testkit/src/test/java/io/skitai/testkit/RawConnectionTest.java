package io.skitai.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.Exchange;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RawConnection against a Skitai server: the framings the engine produces, and hang-ups. */
@SkitaiTest
class RawConnectionTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TestServer
    static ServerBuilder server() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", (Exchange ex) -> {
            switch (ex.pathInfo()) {
                case "/length" -> ex.send("Hello World");
                case "/chunked" -> {
                    try (OutputStream out = ex.outputStream()) {
                        out.write("part1,".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        out.write("part2".getBytes(StandardCharsets.UTF_8));
                    }
                }
                default -> ex.status(404).send("not found");
            }
        });
        return server;
    }

    @Test
    void parsesAContentLengthResponse(TestClient cli) {
        try (RawConnection c = cli.raw()) {
            RawResponse r = c.send("GET /length HTTP/1.1\r\nHost: x\r\n\r\n").readResponse(WAIT);
            assertThat(r.version()).isEqualTo("HTTP/1.1");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.reason()).isEqualTo("OK");
            assertThat(r.header("content-length")).contains("11");
            assertThat(r.chunked()).isFalse();
            assertThat(r.text()).isEqualTo("Hello World");
            assertThat(r.head()).startsWith("HTTP/1.1 200 OK\n");
            assertThat(r.toString()).startsWith("HTTP/1.1 200 OK [content-length] \"Hello World\"");
        }
    }

    @Test
    void parsesAChunkedResponse(TestClient cli) {
        try (RawConnection c = cli.raw()) {
            RawResponse r = c.send("GET /chunked HTTP/1.1\r\nHost: x\r\n\r\n").readResponse(WAIT);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.chunked()).isTrue();
            assertThat(r.header("Transfer-Encoding")).contains("chunked");
            assertThat(r.header("Content-Length")).isEmpty();
            assertThat(r.text()).isEqualTo("part1,part2");
        }
    }

    @Test
    void readsPipelinedResponsesInOrder(TestClient cli) {
        try (RawConnection c = cli.raw()) {
            c.send("GET /length HTTP/1.1\r\nHost: x\r\n\r\nGET /chunked HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(c.readResponse(WAIT).text()).isEqualTo("Hello World");
            assertThat(c.readResponse(WAIT).text()).isEqualTo("part1,part2");
            assertThat(c.readResponse(WAIT).status()).isEqualTo(404);
        }
    }

    @Test
    void readsTheHeadersOfAHeadResponse(TestClient cli) {
        try (RawConnection c = cli.raw()) {
            c.send("HEAD /length HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse head = c.readHeadResponse(WAIT);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            c.send("GET /length HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(c.readResponse(WAIT).text()).isEqualTo("Hello World");
        }
    }

    @Test
    void seesTheServerCloseAfterConnectionClose(TestClient cli) {
        try (RawConnection c = cli.raw()) {
            c.send("GET /length HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(c.readResponse(WAIT).header("Connection")).contains("close");
            assertThat(c.isClosedByPeer(WAIT)).isTrue();
        }
    }

    @Test
    void seesAKeptAliveConnectionStayOpen(TestClient cli) {
        try (RawConnection c = cli.raw()) {
            c.send("GET /length HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(c.readResponse(WAIT).status()).isEqualTo(200);
            assertThat(c.isClosedByPeer(Duration.ofMillis(300))).isFalse();
            c.send("GET /length HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(c.readResponse(WAIT).status()).isEqualTo(200);
        }
    }

    @Test
    void readsEverythingUpToClose(TestClient cli) {
        try (RawConnection c = cli.raw()) {
            String all = c.send("GET /length HTTP/1.0\r\n\r\n").readAllText(WAIT);
            assertThat(all).startsWith("HTTP/1.0 200 OK\r\n").endsWith("\r\n\r\nHello World");
        }
    }

    @Test
    void refusesAmbiguousFramingAndHangsUp(TestClient cli) {
        try (RawConnection c = cli.raw()) {
            c.send("POST /length HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
            assertThat(c.readResponse(WAIT).status()).isEqualTo(400);
            assertThat(c.isClosedByPeer(WAIT)).isTrue();
        }
    }

    @Test
    void timesOutSayingWhatArrived(TestClient cli) {
        try (RawConnection c = cli.raw()) {
            assertThatThrownBy(() -> c.readResponse(Duration.ofMillis(200)))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("no complete response within PT0.2S; received nothing");
        }
    }

    @Test
    void opensDirectlyToo(TestClient cli) {
        try (RawConnection c = RawConnection.open(cli.host(), cli.port())) {
            assertThat(c.localPort()).isPositive();
            assertThat(c.send("GET /length HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().headers("Content-Length"))
                    .isEqualTo(List.of("11"));
        }
    }
}
