package io.skitai.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The strict reading of a chunked request body's framing (RFC 9112 §7.1), fed its bytes as they
 * arrive: hex sizes of at most 16 digits that fit a signed 64-bit length, a chunk line (size and
 * extensions) of at most {@value #MAX_CHUNK_LINE} bytes, exactly CRLF after the size line and after
 * each chunk's data, and trailer lines without obs-fold within the header limits. A violation is a
 * {@link Malformed}.
 */
final class ChunkFraming {

    /** The longest chunk line accepted: size, extensions and CRLF. */
    static final int MAX_CHUNK_LINE = 4096;

    /** A chunked body whose framing breaks the rules; the request gets a 400 and its connection closes. */
    static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String problem) {
            super("malformed chunked body: " + problem, null);
        }
    }

    private static final int SIZE = 0;
    private static final int SIZE_MORE = 1;
    private static final int EXTENSION = 2;
    private static final int SIZE_LF = 3;
    private static final int DATA = 4;
    private static final int DATA_CR = 5;
    private static final int DATA_LF = 6;
    private static final int TRAILER_START = 7;
    private static final int TRAILER_LINE = 8;
    private static final int TRAILER_LF = 9;
    private static final int END_LF = 10;
    private static final int DONE = 11;

    private final int maxTrailerLine;
    private final int maxTrailerBytes;
    private int state = SIZE;
    private long size;
    private int digits;
    private int lineBytes;
    private int trailerBytes;
    private final StringBuilder trailer;
    private final List<String> trailers = new ArrayList<>(0);

    /** Checks framing within these trailer limits; {@code keepTrailers} also keeps the trailer lines ({@link #trailers()}). */
    ChunkFraming(int maxTrailerLine, int maxTrailerBytes, boolean keepTrailers) {
        this.maxTrailerLine = maxTrailerLine;
        this.maxTrailerBytes = maxTrailerBytes;
        this.trailer = keepTrailers ? new StringBuilder() : null;
    }

    /** Whether the last chunk and the trailer section have been read. */
    boolean done() {
        return state == DONE;
    }

    /**
     * Checks {@code buffer}'s bytes from {@code from} to {@code to} (absolute indexes), chunk data
     * included, and returns the index just past the body's end, or {@code to} when it goes on.
     */
    int scan(ByteBuffer buffer, int from, int to) throws Malformed {
        int i = from;
        while (i < to && state != DONE) {
            if (state == DATA) {
                int n = (int) Math.min(size, to - i);
                i += n;
                dataConsumed(n);
            } else {
                i = frame(buffer, i, to);
            }
        }
        return i;
    }

    /**
     * Reads framing bytes from {@code from} and stops where chunk data starts ({@link #dataRemaining()}
     * is then positive), where the body ends, or at {@code to}; returns the index reached.
     */
    int frame(ByteBuffer buffer, int from, int to) throws Malformed {
        int i = from;
        while (i < to && state != DONE && state != DATA) {
            step(buffer.get(i++));
        }
        return i;
    }

    /** The bytes of the current chunk's data still to come (0 while reading framing). */
    long dataRemaining() {
        return state == DATA ? size : 0;
    }

    /** Records that {@code n} bytes of the current chunk's data went by. */
    void dataConsumed(long n) {
        size -= n;
        if (size == 0) {
            state = DATA_CR;
        }
    }

    /** The trailer field lines, once {@link #done()}, if kept. */
    List<String> trailers() {
        return trailers;
    }

    private void step(byte b) throws Malformed {
        switch (state) {
            case SIZE, SIZE_MORE -> size(b);
            case EXTENSION -> {
                if (b == '\r') {
                    state = SIZE_LF;
                } else if (b == '\n') {
                    throw new Malformed("the chunk size line does not end with CRLF");
                } else if (b != '\t' && (b < 0x20 || b == 0x7f)) {
                    throw new Malformed("a control character in a chunk extension");
                }
                countLine();
            }
            case SIZE_LF -> {
                expect(b, '\n', "the chunk size line does not end with CRLF");
                state = size == 0 ? TRAILER_START : DATA;
            }
            case DATA_CR -> {
                expect(b, '\r', "chunk data is not followed by CRLF");
                state = DATA_LF;
            }
            case DATA_LF -> {
                expect(b, '\n', "chunk data is not followed by CRLF");
                state = SIZE;
                digits = 0;
                lineBytes = 0;
            }
            case TRAILER_START -> trailerStart(b);
            case TRAILER_LINE -> trailerByte(b);
            case TRAILER_LF -> {
                expect(b, '\n', "a trailer line does not end with CRLF");
                if (trailer != null) {
                    trailers.add(trailer.toString());
                }
                state = TRAILER_START;
            }
            case END_LF -> {
                expect(b, '\n', "the chunked body does not end with CRLF");
                state = DONE;
            }
            default -> throw new IllegalStateException("state " + state);
        }
    }

    private void size(byte b) throws Malformed {
        int digit = Character.digit(b, 16);
        if (digit >= 0) {
            if (++digits > 16 || size > (Long.MAX_VALUE >>> 4)) {
                throw new Malformed("the chunk size does not fit 64 bits");
            }
            size = (size << 4) | digit;
            state = SIZE_MORE;
        } else if (state == SIZE) {
            throw new Malformed("a chunk line does not start with a hex size");
        } else if (b == '\r') {
            state = SIZE_LF;
        } else if (b == ';' || b == ' ' || b == '\t') {
            state = EXTENSION;
        } else if (b == '\n') {
            throw new Malformed("the chunk size line does not end with CRLF");
        } else {
            throw new Malformed("an unexpected byte after the chunk size");
        }
        countLine();
    }

    private void countLine() throws Malformed {
        if (++lineBytes > MAX_CHUNK_LINE) {
            throw new Malformed("a chunk line (size and extensions) is longer than " + MAX_CHUNK_LINE + " bytes");
        }
    }

    private void trailerStart(byte b) throws Malformed {
        if (b == '\r') {
            state = END_LF;
        } else if (b == ' ' || b == '\t') {
            throw new Malformed("obs-fold in the trailer section");
        } else {
            lineBytes = 0;
            if (trailer != null) {
                trailer.setLength(0);
            }
            state = TRAILER_LINE;
            trailerByte(b);
        }
    }

    private void trailerByte(byte b) throws Malformed {
        if (b == '\r') {
            state = TRAILER_LF;
        } else if (b == '\n') {
            throw new Malformed("a trailer line does not end with CRLF");
        } else if (trailer != null) {
            trailer.append((char) (b & 0xff));
        }
        if (++lineBytes > maxTrailerLine || ++trailerBytes > maxTrailerBytes) {
            throw new Malformed("the trailer section is larger than the header limits");
        }
    }

    private static void expect(byte b, char wanted, String problem) throws Malformed {
        if (b != wanted) {
            throw new Malformed(problem);
        }
    }
}
