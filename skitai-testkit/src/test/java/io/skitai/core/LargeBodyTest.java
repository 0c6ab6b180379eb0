package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestKit;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A chunked request body that arrives over many reads (64 MiB, the mount's limit raised), read whole by
 * {@code body()}: it arrives complete. Undertow once refused the end of such a body (UT000146,
 * a 500) when its last chunk came in a read event.
 */
class LargeBodyTest {

    private static final int SIZE = 64 << 20;

    @Test
    void aBodyArrivingOverManyReadsIsReadWhole() throws Exception {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/sink", ex -> {
            byte[] body = ex.body();
            ex.send(body.length + " " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
        }).pref(Pref.create().maxClientBodySize(SIZE).maxPostBodySize(SIZE));
        byte[] sent = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            sent[i] = (byte) (i % 251);
        }
        String expected = SIZE + " " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sent));
        TestKit.serve(config, cli -> {
            for (int round = 0; round < 3; round++) {
                HttpResponse<String> r = cli.httpClient().send(HttpRequest.newBuilder(cli.uri("/sink"))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(sent))).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as("round %d", round).isEqualTo(200);
                assertThat(r.body()).isEqualTo(expected);
            }
        });
    }
}
