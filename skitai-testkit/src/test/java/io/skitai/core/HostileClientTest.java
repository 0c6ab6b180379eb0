package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.RawConnection;
import io.skitai.testkit.RawResponse;
import io.skitai.testkit.TestKit;
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
}
