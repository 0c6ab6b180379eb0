package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.RawConnection;
import io.skitai.testkit.RawResponse;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * HTTP/1.1 edges a hostile client reaches, over raw sockets. "Closed" means the server closed the
 * connection while the client still had bytes to send: without the guard it would wait for them.
 */
class HostileClientTest {

    /** Long enough for any busy machine; a connection still open after it is not being closed. */
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ServerBuilder server() {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/early", ex -> ex.status(202).send("answered without reading the body"));
        config.mount("/read", ex -> ex.send("read " + ex.body().length));
        return config;
    }

    @Test
    void aHeaderFieldLineOver8KiBIs431EvenWhenAllHeadersFit() {
        TestKit.serve(server(), cli -> {
            try (RawConnection raw = cli.raw()) {
                raw.send("GET /read HTTP/1.1\r\nHost: t\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n");
                RawResponse r = raw.readResponse(WAIT);
                assertThat(r.status()).isEqualTo(431);
                assertThat(r.text()).contains("a header field line is longer than 8192 bytes");
                assertThat(raw.isClosedByPeer(EVENTUALLY)).isTrue();
            }
            try (RawConnection raw = cli.raw()) {
                raw.send("GET /read HTTP/1.1\r\nHost: t\r\nX-Fits: " + "a".repeat(8000) + "\r\n\r\n");
                assertThat(raw.readResponse(WAIT).status()).isEqualTo(200);
            }
        });
    }

    @Test
    void aResponseSentBeforeTheBodyWasReadClosesTheConnection() {
        TestKit.serve(server(), cli -> {
            for (String path : new String[] {"/early", "/nowhere"}) {
                try (RawConnection raw = cli.raw()) {
                    // Declares 100000 bytes and sends 10: a trickling client.
                    raw.send("POST " + path + " HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n0123456789");
                    RawResponse r = raw.readResponse(WAIT);
                    assertThat(r.status()).as(path).isIn(202, 404);
                    assertThat(r.header("Connection")).as(path).hasValueSatisfying(v -> assertThat(v).isEqualToIgnoringCase("close"));
                    assertThat(raw.isClosedByPeer(EVENTUALLY)).as(path + ": closed, not draining").isTrue();
                }
            }
            try (RawConnection raw = cli.raw()) {
                raw.send("POST /read HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc");
                RawResponse r = raw.readResponse(WAIT);
                assertThat(r.text()).isEqualTo("read 3");
                assertThat(r.header("Connection")).as("a read body keeps the connection").isEmpty();
                raw.send("GET /read HTTP/1.1\r\nHost: t\r\n\r\n");
                assertThat(raw.readResponse(WAIT).text()).isEqualTo("read 0");
            }
        });
    }

    private static final String CHUNKED_POST = "POST /read HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n";

    /** Sends {@code request}, expects a 400 naming {@code problem}, and the connection closed. */
    private static void refusedAndClosed(TestClient cli, String request, String problem) {
        try (RawConnection raw = cli.raw()) {
            raw.trySend(request.getBytes(StandardCharsets.ISO_8859_1));
            RawResponse r = raw.readResponse(WAIT);
            assertThat(r.status()).as(problem).isEqualTo(400);
            assertThat(r.text()).as(problem).contains(problem);
            assertThat(raw.isClosedByPeer(EVENTUALLY)).as(problem + ": closed").isTrue();
        }
    }

    @Test
    void aChunkSizeThatOverflowsOrWraps64BitsIs400AndClose() {
        TestKit.serve(server(), cli -> {
            // 2^64 + 1 wraps to 1 in 64 bits; 2^63 overflows a signed length
            refusedAndClosed(cli, CHUNKED_POST + "10000000000000001\r\nx\r\n0\r\n\r\n", "does not fit 64 bits");
            refusedAndClosed(cli, CHUNKED_POST + "8000000000000000\r\nx\r\n0\r\n\r\n", "does not fit 64 bits");
            refusedAndClosed(cli, CHUNKED_POST + "000000000000000001\r\nx\r\n0\r\n\r\n", "does not fit 64 bits");
        });
    }

    @Test
    void chunkDataNotFollowedByCrlfIs400AndClose() {
        TestKit.serve(server(), cli -> {
            refusedAndClosed(cli, CHUNKED_POST + "3\r\nabcXY\r\n0\r\n\r\n", "chunk data is not followed by CRLF");
            // a bare LF after the data, and nothing else at all: no waiting for a line feed that never comes
            refusedAndClosed(cli, CHUNKED_POST + "3\r\nabc\n0\r\n\r\n", "chunk data is not followed by CRLF");
            refusedAndClosed(cli, CHUNKED_POST + "3\r\nabcdefgh", "chunk data is not followed by CRLF");
        });
    }

    @Test
    void chunkExtensionsAreBoundedAndTheRequestBehindIsNotServed() {
        TestKit.serve(server(), cli -> {
            String huge = "1;ext=" + "a".repeat(1 << 20) + "\r\nx\r\n0\r\n\r\n";
            try (RawConnection raw = cli.raw()) {
                raw.trySend((CHUNKED_POST + huge + "GET /read HTTP/1.1\r\nHost: t\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                RawResponse r = raw.readResponse(WAIT);
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.text()).contains("longer than 4096 bytes");
                assertThat(raw.readAllText(EVENTUALLY)).as("nothing after the 400: the request behind is not served").isEmpty();
            }
            try (RawConnection raw = cli.raw()) {
                raw.send(CHUNKED_POST + "3;name=value;other=\"quoted\"\r\nabc\r\n2\r\nde\r\n0\r\nX-Sum: 5\r\n\r\n");
                assertThat(raw.readResponse(WAIT).text()).as("extensions and trailers within bounds").isEqualTo("read 5");
            }
        });
    }

    @Test
    void obsFoldIs400AndClose() {
        TestKit.serve(server(), cli -> {
            // Undertow's parser refuses the head (its 400 has an empty body)
            refusedAndClosed(cli, "POST /read HTTP/1.1\r\nHost: t\r\nTransfer-Encoding:\r\n chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
                    "");
            refusedAndClosed(cli, "GET /read HTTP/1.1\r\nHost: t\r\nX-A: one\r\n\ttwo\r\n\r\n", "");
            refusedAndClosed(cli, "GET /read HTTP/1.1\r\n Host: t\r\n\r\n", "");
        });
    }

    @Test
    void bodiesAreSkippedExactlySoAFoldInAPipelinedRequestIsStillFound() {
        TestKit.serve(server(), cli -> {
            try (RawConnection raw = cli.raw()) {
                String folded = "GET /read HTTP/1.1\r\nHost: t\r\nX-A: one\r\n two\r\n\r\n";
                // bodies whose bytes look like a folded header: only the head after them is refused
                raw.send(CHUNKED_POST + "7\r\nab\r\n cd\r\n0\r\n\r\n"
                        + "POST /read HTTP/1.1\r\nHost: t\r\nContent-Length: 6\r\n\r\n\r\n x\r\n"
                        + "GET /read HTTP/1.1\r\nHost: t\r\n\r\n");
                assertThat(raw.readResponse(WAIT).text()).isEqualTo("read 7");
                assertThat(raw.readResponse(WAIT).text()).isEqualTo("read 6");
                assertThat(raw.readResponse(WAIT).text()).isEqualTo("read 0");
                // sent on its own: Undertow writes its 400 for an unparsable pipelined head ahead of
                // the responses it still buffers for the requests before it
                raw.send(folded);
                assertThat(raw.readResponse(WAIT).status()).isEqualTo(400);
                assertThat(raw.isClosedByPeer(EVENTUALLY)).isTrue();
            }
        });
    }
}
