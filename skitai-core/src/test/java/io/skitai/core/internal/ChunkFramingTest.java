package io.skitai.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChunkFramingTest {

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Feeds {@code body} one byte at a time (the worst split) and returns where the body ended, or -1. */
    private static int byteByByte(ChunkFraming framing, String body) throws ChunkFraming.Malformed {
        ByteBuffer b = bytes(body);
        for (int i = 0; i < b.limit(); i++) {
            framing.scan(b, i, i + 1);
            if (framing.done()) {
                return i + 1;
            }
        }
        return -1;
    }

    @Test
    void findsTheEndOfAValidBodyHoweverItIsSplit() throws Exception {
        String body = "3;a=b\r\nabc\r\n10\r\n0123456789abcdef\r\n0\r\nX-Sum: 19\r\n\r\n";
        ChunkFraming whole = new ChunkFraming(8192, 32768, true);
        assertThat(whole.scan(bytes(body + "GET /next"), 0, body.length() + 9)).isEqualTo(body.length());
        assertThat(whole.trailers()).containsExactly("X-Sum: 19");
        assertThat(byteByByte(new ChunkFraming(8192, 32768, true), body)).isEqualTo(body.length());
    }

    @Test
    void framesStopWhereDataStarts() throws Exception {
        ChunkFraming framing = new ChunkFraming(8192, 32768, true);
        ByteBuffer b = bytes("5\r\nhello\r\n0\r\n\r\n");
        int at = framing.frame(b, 0, b.limit());
        assertThat(at).isEqualTo(3);
        assertThat(framing.dataRemaining()).isEqualTo(5);
        framing.dataConsumed(5);
        assertThat(framing.frame(b, 8, b.limit())).isEqualTo(b.limit());
        assertThat(framing.done()).isTrue();
    }

    @Test
    void refusesWhatUndertowWouldTakeLeniently() {
        String[][] cases = {
            {"10000000000000001\r\n", "does not fit 64 bits"},
            {"8000000000000000\r\n", "does not fit 64 bits"},
            {"00000000000000001\r\n", "does not fit 64 bits"},
            {"3\r\nabcX\r\n", "not followed by CRLF"},
            {"3\r\nabc\n", "not followed by CRLF"},
            {"3\n", "does not end with CRLF"},
            {"x\r\n", "does not start with a hex size"},
            {"3x\r\n", "unexpected byte after the chunk size"},
            {"3;" + "e".repeat(5000) + "\r\n", "longer than 4096 bytes"},
            {"3;a\u0001\r\n", "control character"},
            {"0\r\nX-A: 1\r\n folded\r\n\r\n", "obs-fold"},
            {"0\r\nX-A: " + "v".repeat(9000) + "\r\n\r\n", "header limits"},
            {"0\r\n\rX", "does not end with CRLF"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> byteByByte(new ChunkFraming(8192, 32768, true), c[0]))
                    .as(c[0].length() > 40 ? c[0].substring(0, 40) : c[0])
                    .isInstanceOf(ChunkFraming.Malformed.class).hasMessageContaining(c[1]);
        }
    }
}
