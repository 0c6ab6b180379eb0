package io.skitai.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A buffered reader over a socket where every read honours one deadline: the socket timeout is set
 * to the time left before each blocking read, so no read can outlast it. Bytes read past one
 * response stay buffered for the next (pipelining). Optionally records what it consumes, so a
 * timeout can say what had arrived.
 */
public final class DeadlineInput {

    private final Socket socket;
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int pos;
    private int limit;
    private long deadline;
    private ByteArrayOutputStream recording;

    /** Reads from this socket's input stream. */
    public DeadlineInput(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Starts a new operation that must finish within {@code timeout}; starts a fresh recording. */
    public void begin(Duration timeout) {
        deadline = System.nanoTime() + timeout.toNanos();
        recording = new ByteArrayOutputStream();
    }

    /** What was consumed since {@link #begin(Duration)}. */
    public byte[] recorded() {
        return recording == null ? new byte[0] : recording.toByteArray();
    }

    /** Whether bytes are buffered (read from the socket but not consumed). */
    public boolean hasBuffered() {
        return pos < limit;
    }

    /** Drops the buffered bytes. */
    public void discardBuffered() {
        pos = limit;
    }

    /**
     * Reads more from the socket into the buffer.
     *
     * @return false at end of stream
     * @throws SocketTimeoutException when the deadline passes first
     */
    private boolean fill() throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left))));
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** Reads from the socket and discards, until end of stream (true) or the deadline (false). */
    public boolean drainToEof() throws IOException {
        discardBuffered();
        try {
            while (fill()) {
                discardBuffered();
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** One byte, or -1 at end of stream. */
    public int read() throws IOException {
        if (pos >= limit && !fill()) {
            return -1;
        }
        int b = buffer[pos++] & 0xff;
        if (recording != null) {
            recording.write(b);
        }
        return b;
    }

    /**
     * One line without its CRLF (a bare LF is accepted too), as ISO-8859-1.
     *
     * @return null when the stream ends before the line's first byte
     * @throws EOFException when it ends inside the line
     * @throws IOException when the line is longer than {@code max} bytes
     */
    public String readLine(int max) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = read();
            if (b < 0) {
                if (line.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed inside a line: " + line.toString(StandardCharsets.ISO_8859_1));
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= max) {
                throw new IOException("line longer than " + max + " bytes");
            }
            line.write(b);
        }
    }

    /** Exactly {@code n} bytes; {@link EOFException} when the stream ends first. */
    public byte[] readExactly(long n) throws IOException {
        if (n > Integer.MAX_VALUE - 16) {
            throw new IOException("body of " + n + " bytes is too large for a test");
        }
        byte[] out = new byte[(int) n];
        int filled = 0;
        while (filled < n) {
            if (pos >= limit && !fill()) {
                throw new EOFException("connection closed after " + filled + " of " + n + " body bytes");
            }
            int chunk = Math.min(limit - pos, out.length - filled);
            System.arraycopy(buffer, pos, out, filled, chunk);
            if (recording != null) {
                recording.write(buffer, pos, chunk);
            }
            pos += chunk;
            filled += chunk;
        }
        return out;
    }

    /** Everything up to end of stream; {@link SocketTimeoutException} when the deadline comes first. */
    public byte[] readToEof() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (pos >= limit && !fill()) {
                return out.toByteArray();
            }
            out.write(buffer, pos, limit - pos);
            if (recording != null) {
                recording.write(buffer, pos, limit - pos);
            }
            pos = limit;
        }
    }
}
