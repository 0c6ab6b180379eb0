package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.RawConnection;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static ServerBuilder echo() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", ex -> ex.send("got " + ex.body().length));
        return server;
    }

    private static RawConnection send(TestClient cli, String request) throws Exception {
        RawConnection raw = cli.raw();
        raw.send(request);
        return raw;
    }

    @Test
    void oversizedBodyIsRefusedWith413BeforeItIsRead() throws Exception {
        ServerBuilder serverConfig = echo();
        serverConfig.pref().maxClientBodySize(1000);
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        TestKit.serve(server, cli -> {
            // Only the headers are sent: the 413 must come without the body being read.
            try (RawConnection raw = send(cli, "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 5000000\r\n\r\n")) {
                assertThat(raw.readResponse(WAIT).status()).isEqualTo(413);
                assertThat(raw.isClosedByPeer(WAIT)).isTrue();
            }
            assertThat(cli.request("POST", "/").body(new byte[1000], "application/octet-stream").send().text())
                    .isEqualTo("got 1000");
        });
    }

    @Test
    void chunkedBodyOverTheLimitIsCutOffWith413() throws Exception {
        ServerBuilder serverConfig = echo();
        serverConfig.pref().maxClientBodySize(100);
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        TestKit.serve(server, cli -> {
            try (RawConnection raw = send(cli, "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "c8\r\n" + "x".repeat(200) + "\r\n0\r\n\r\n")) {
                assertThat(raw.readResponse(WAIT).status()).isEqualTo(413);
            }
        });
    }

    @Test
    void aMountsOwnPrefAndTheMultipartLimitApply() throws Exception {
        ServerBuilder serverConfig = ServerBuilder.create();
        serverConfig.pref().maxClientBodySize(100);
        serverConfig.mount("/big", ex -> ex.send("got " + ex.body().length)).pref(Pref.create().maxClientBodySize(10_000));
        serverConfig.mount("/up", ex -> ex.send("got " + ex.body().length))
                .pref(Pref.create().maxPostBodySize(10).maxMultipartBodySize(5000));
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        TestKit.serve(server, cli -> {
            assertThat(cli.request("POST", "/big").body(new byte[5000], "application/octet-stream").send().text())
                    .isEqualTo("got 5000");
            assertThat(cli.request("POST", "/up").body(new byte[50], "application/octet-stream").send().status())
                    .isEqualTo(413);
            assertThat(cli.request("POST", "/up").body(new byte[3000], "multipart/form-data; boundary=x").send().text())
                    .isEqualTo("got 3000");
        });
    }

    @Test
    void longRequestLineIs414AndLargeHeadersAre431() throws Exception {
        TestKit.serve(echo(), cli -> {
            try (RawConnection raw = send(cli, "GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: t\r\n\r\n")) {
                assertThat(raw.readResponse(WAIT).status()).isEqualTo(414);
            }
            StringBuilder big = new StringBuilder("GET / HTTP/1.1\r\nHost: t\r\n");
            for (int i = 0; i < 40; i++) {
                big.append("X-Big-").append(i).append(": ").append("v".repeat(1000)).append("\r\n");
            }
            try (RawConnection raw = send(cli, big.append("\r\n").toString())) {
                assertThat(raw.readResponse(WAIT).status()).isEqualTo(431);
            }
            StringBuilder many = new StringBuilder("GET / HTTP/1.1\r\nHost: t\r\n");
            for (int i = 0; i < 150; i++) {
                many.append("X-H").append(i).append(": v\r\n");
            }
            try (RawConnection raw = send(cli, many.append("\r\n").toString())) {
                assertThat(raw.readResponse(WAIT).status()).isEqualTo(431);
            }
        });
    }

    @Test
    void ambiguousFramingIsRefusedAndTheConnectionClosed() throws Exception {
        String[][] cases = {
            {"400", "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"},
            {"400", "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello"},
            {"400", "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: +5\r\n\r\nhello"},
            {"400", "POST / HTTP/1.0\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"},
            {"501", "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"},
            {"400", "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n0\r\n\r\n"},
        };
        TestKit.serve(echo(), cli -> {
            for (String[] c : cases) {
                try (RawConnection raw = send(cli, c[1] + "GET / HTTP/1.1\r\nHost: t\r\n\r\n")) {
                    assertThat(raw.readResponse(WAIT).status()).as(c[1]).isEqualTo(Integer.parseInt(c[0]));
                    assertThat(raw.isClosedByPeer(WAIT)).as("closed after " + c[1]).isTrue();
                }
            }
        });
    }
}
