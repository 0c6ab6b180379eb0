package io.skitai.core.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Follows an HTTP/1.1 connection's bytes below Undertow's parser, which folds obs-fold continuation
 * lines into the previous header: a header line that starts with a space or tab has that byte
 * replaced by NUL, which Undertow's parser refuses with 400 and a close. To find each request's
 * head it skips bodies by their framing: Content-Length, or chunked framing checked strictly
 * ({@link ChunkFraming}). It stops looking (and never touches a byte again) at anything Undertow
 * or {@link RequestGuard} refuse and close on anyway (ambiguous framing, broken chunks), and after
 * an upgrade or CONNECT whose next byte cannot start a request. After the HTTP/2 client preface
 * (prior knowledge, ALPN, or after an h2c upgrade) it follows frames with {@link Http2HeaderBlocks}.
 */
final class Http1Inspector extends ScanningSourceConduit {

    private static final int HEAD_START = 0;
    private static final int REQUEST_LINE = 1;
    private static final int LINE_START = 2;
    private static final int HEADER_LINE = 3;
    private static final int HEAD_END = 4;
    private static final int BODY_LENGTH = 5;
    private static final int BODY_CHUNKED = 6;
    private static final int UPGRADE_CHECK = 7;
    private static final int PASS = 8;
    private static final int HTTP2 = 9;

    /** The client preface after its request line: {@code "\r\nSM\r\n\r\n"}. */
    private static final int PREFACE_REST = 8;

    /** The bytes of a header line kept to read Content-Length, Transfer-Encoding and Upgrade. */
    private static final int KEPT = 64;

    private final int maxTrailerLine;
    private final int maxTrailerBytes;
    private final byte[] line = new byte[KEPT];
    private int lineLength;
    private int state = HEAD_START;
    private final RequestFraming framing = new RequestFraming();
    private long remaining;
    private ChunkFraming chunks;
    private Http2HeaderBlocks http2;

    Http1Inspector(StreamSourceConduit next, EngineConfig.Limits limits) {
        super(next);
        this.maxTrailerLine = limits.maxRequestLine();
        this.maxTrailerBytes = limits.maxHeaderBytes();
    }

    @Override
    void scan(ByteBuffer buffer, int from, int to) {
        if (state == HTTP2) {
            http2.scan(buffer, from, to);
            return;
        }
        int i = from;
        while (i < to && state != PASS) {
            switch (state) {
                case BODY_LENGTH -> {
                    int n = (int) Math.min(remaining, to - i);
                    i += n;
                    remaining -= n;
                    if (remaining == 0) {
                        afterBody();
                    }
                }
                case BODY_CHUNKED -> {
                    try {
                        i = chunks.scan(buffer, i, to);
                    } catch (ChunkFraming.Malformed e) {
                        state = PASS; // the request's own strict decoder answers 400 and closes
                        return;
                    }
                    if (chunks.done()) {
                        chunks = null;
                        afterBody();
                    }
                }
                case HTTP2 -> {
                    http2.scan(buffer, i, to);
                    return;
                }
                default -> {
                    headByte(buffer, i);
                    i++;
                }
            }
        }
    }

    private void headByte(ByteBuffer buffer, int i) {
        byte b = buffer.get(i);
        switch (state) {
            case UPGRADE_CHECK -> {
                if (b == '\r' || b == '\n' || isTokenChar(b)) {
                    state = HEAD_START;
                    headByte(buffer, i);
                } else {
                    state = PASS; // the upgraded protocol's bytes
                }
            }
            case HEAD_START -> {
                if (b != '\r' && b != '\n') {
                    framing.reset();
                    lineLength = 0;
                    state = REQUEST_LINE;
                    keep(b);
                }
            }
            case REQUEST_LINE -> {
                if (b == '\n') {
                    if (framing.requestLine(line, lineLength)) {
                        state = LINE_START;
                    } else {
                        http2 = new Http2HeaderBlocks(PREFACE_REST);
                        state = HTTP2;
                    }
                    lineLength = 0;
                } else if (b != '\r') {
                    keep(b);
                }
            }
            case LINE_START -> {
                if (b == ' ' || b == '\t') {
                    buffer.put(i, (byte) 0); // obs-fold: Undertow refuses a NUL with 400 and closes
                    state = PASS;
                } else if (b == '\r') {
                    state = HEAD_END;
                } else if (b == '\n') {
                    endOfHead();
                } else {
                    state = HEADER_LINE;
                    keep(b);
                }
            }
            case HEADER_LINE -> {
                if (b == '\n') {
                    framing.headerLine(line, Math.min(lineLength, KEPT), lineLength > KEPT);
                    lineLength = 0;
                    state = LINE_START;
                } else if (b != '\r') {
                    keep(b);
                }
            }
            case HEAD_END -> {
                if (b == '\n') {
                    endOfHead();
                } else {
                    state = PASS;
                }
            }
            default -> throw new IllegalStateException("state " + state);
        }
    }

    @Override
    boolean holdLastByte() {
        return state == HTTP2 && http2.endsInOpenBlock();
    }

    private void keep(byte b) {
        if (lineLength < KEPT) {
            line[lineLength] = b;
        }
        lineLength++;
    }

    private void endOfHead() {
        long length = framing.bodyLength();
        if (length == RequestFraming.UNKNOWN) {
            state = PASS;
        } else if (length == RequestFraming.CHUNKED) {
            chunks = new ChunkFraming(maxTrailerLine, maxTrailerBytes, false);
            state = BODY_CHUNKED;
        } else if (length > 0) {
            remaining = length;
            state = BODY_LENGTH;
        } else {
            afterBody();
        }
    }

    private void afterBody() {
        state = framing.upgrades() ? UPGRADE_CHECK : HEAD_START;
    }

    /** RFC 9110 tchar. */
    static boolean isTokenChar(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(b) >= 0;
    }

    /** What one request head says about its body, read from its request line and header lines. */
    static final class RequestFraming {

        static final long UNKNOWN = -1;
        static final long CHUNKED = -2;

        private int contentLengths;
        private long contentLength;
        private int transferEncodings;
        private boolean chunked;
        private boolean unreadable;
        private boolean upgrades;

        void reset() {
            contentLengths = 0;
            contentLength = 0;
            transferEncodings = 0;
            chunked = false;
            unreadable = false;
            upgrades = false;
        }

        /** Returns false for the HTTP/2 preface's request line ({@code PRI * HTTP/2.0}). */
        boolean requestLine(byte[] line, int length) {
            upgrades = startsWith(line, length, "CONNECT ");
            return !startsWith(line, length, "PRI ");
        }

        void headerLine(byte[] line, int kept, boolean truncated) {
            int colon = 0;
            while (colon < kept && line[colon] != ':') {
                colon++;
            }
            if (nameIs(line, colon, "content-length")) {
                contentLengths++;
                unreadable |= truncated || !setLength(value(line, colon, kept));
            } else if (nameIs(line, colon, "transfer-encoding")) {
                transferEncodings++;
                chunked = !truncated && value(line, colon, kept).equalsIgnoreCase("chunked");
            } else if (nameIs(line, colon, "upgrade")) {
                upgrades = true;
            }
        }

        private static String value(byte[] line, int colon, int kept) {
            return colon < kept ? new String(line, colon + 1, kept - colon - 1, StandardCharsets.ISO_8859_1).strip() : "";
        }

        /** Whether the first {@code length} bytes are {@code name} (lower case letters and '-'), in any case. */
        private static boolean nameIs(byte[] line, int length, String name) {
            if (length != name.length()) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if ((line[i] | 0x20) != name.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean startsWith(byte[] line, int length, String prefix) {
            if (Math.min(length, KEPT) < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (line[i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private boolean setLength(String value) {
            if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            contentLength = Long.parseLong(value);
            return true;
        }

        /** The body's length, {@link #CHUNKED}, or {@link #UNKNOWN} where the request is refused anyway. */
        long bodyLength() {
            if (transferEncodings > 0) {
                return transferEncodings == 1 && chunked && contentLengths == 0 ? CHUNKED : UNKNOWN;
            }
            if (contentLengths > 1 || unreadable) {
                return UNKNOWN;
            }
            return contentLengths == 1 ? contentLength : 0;
        }

        boolean upgrades() {
            return upgrades;
        }
    }
}
