package io.skitai.core.internal;

import java.nio.ByteBuffer;

/**
 * Follows the frame boundaries of an HTTP/2 connection's incoming bytes (after the client preface)
 * to tell when a header block is open: a HEADERS, PUSH_PROMISE or CONTINUATION frame without
 * END_HEADERS has ended and its CONTINUATION has not begun. Undertow 2.3 takes a HEADERS frame that
 * ends exactly where its read buffer ends as a complete request, and the CONTINUATION that follows
 * then leaves the request unanswered; {@link Http1Inspector} holds back such a frame's last byte
 * until the next frame's bytes arrive.
 */
final class Http2HeaderBlocks {

    private static final int FRAME_HEADER = 9;
    private static final int END_HEADERS = 0x4;

    private int prefaceLeft;
    private int headerBytes;
    private int length;
    private int type;
    private int flags;
    private long payloadLeft;
    private boolean open;

    /** Starts after the client preface's request line, with {@code prefaceLeft} bytes of it to skip. */
    Http2HeaderBlocks(int prefaceLeft) {
        this.prefaceLeft = prefaceLeft;
    }

    /** Follows {@code buffer}'s bytes from {@code from} to {@code to} (absolute indexes). */
    void scan(ByteBuffer buffer, int from, int to) {
        int i = from;
        while (i < to) {
            if (prefaceLeft > 0) {
                int n = Math.min(prefaceLeft, to - i);
                prefaceLeft -= n;
                i += n;
            } else if (payloadLeft > 0) {
                int n = (int) Math.min(payloadLeft, to - i);
                payloadLeft -= n;
                i += n;
                if (payloadLeft == 0) {
                    frameEnded();
                }
            } else {
                headerByte(buffer.get(i++) & 0xff);
            }
        }
    }

    private void headerByte(int b) {
        switch (headerBytes++) {
            case 0 -> {
                open = false;
                length = b;
            }
            case 1, 2 -> length = (length << 8) | b;
            case 3 -> type = b;
            case 4 -> flags = b;
            default -> {
                if (headerBytes == FRAME_HEADER) {
                    headerBytes = 0;
                    payloadLeft = length;
                    if (length == 0) {
                        frameEnded();
                    }
                }
            }
        }
    }

    private void frameEnded() {
        boolean headerFrame = type == 0x1 || type == 0x5 || type == 0x9;
        open = headerFrame && (flags & END_HEADERS) == 0;
    }

    /** Whether the bytes so far end exactly after a header-block frame whose CONTINUATION is still to come. */
    boolean endsInOpenBlock() {
        return open && headerBytes == 0 && payloadLeft == 0 && prefaceLeft == 0;
    }
}
