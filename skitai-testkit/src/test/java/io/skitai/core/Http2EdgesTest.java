package io.skitai.core;

import static io.skitai.core.H2Frames.HEADERS;
import static io.skitai.core.H2Frames.getWithBigHeader;
import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.H2Frames.Frame;
import org.junit.jupiter.api.Test;

/** HTTP/2 edges on a raw h2c client: header blocks split over CONTINUATION frames, reset streams. */
class Http2EdgesTest {

    @Test
    void requestsWhoseHeadersNeedContinuationFramesAreAllAnswered() throws Exception {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/", (Handler) ex -> ex.send("x-big " + ex.header("x-big").map(String::length).orElse(-1)));
        SkitaiServer server = SkitaiServer.create(config.build());
        try {
            server.start(Run.port(0));
            int answered = 0;
            for (int i = 0; i < 200; i++) {
                Frame f = getWithBigHeader(server.port(), 20_000);
                if (f.type() == HEADERS) {
                    answered++;
                }
            }
            assertThat(answered).isEqualTo(200);
        } finally {
            server.stop();
        }
    }
}
