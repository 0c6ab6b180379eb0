package io.skitai.core;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** A raw HTTP/2 client's parts for the h2c tests: frames, a little HPACK, prior knowledge. */
final class H2Frames {

    private H2Frames() {}

    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    static final int DATA = 0x0;
    static final int HEADERS = 0x1;
    static final int RST_STREAM = 0x3;
    static final int SETTINGS = 0x4;
    static final int GOAWAY = 0x7;
    static final int CONTINUATION = 0x9;
    static final int END_STREAM = 0x1;
    static final int END_HEADERS = 0x4;
    static final int ACK = 0x1;

    record Frame(int type, int flags, int stream, byte[] payload) {

        Map<Integer, Long> settings() {
            Map<Integer, Long> values = new HashMap<>();
            ByteBuffer b = ByteBuffer.wrap(payload);
            while (b.remaining() >= 6) {
                values.put(b.getShort() & 0xffff, b.getInt() & 0xffffffffL);
            }
            return values;
        }
    }

    static void write(OutputStream out, int type, int flags, int stream, byte[] payload) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(9 + payload.length);
        b.put((byte) (payload.length >>> 16)).put((byte) (payload.length >>> 8)).put((byte) payload.length);
        b.put((byte) type).put((byte) flags).putInt(stream).put(payload);
        out.write(b.array());
    }

    static Frame read(DataInputStream in) throws IOException {
        int length = (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
        int type = in.readUnsignedByte();
        int flags = in.readUnsignedByte();
        int stream = in.readInt() & 0x7fffffff;
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame(type, flags, stream, payload);
    }

    /** GET / as HPACK: :method GET, :scheme http, :path / (indexed), :authority literal, not indexed. */
    static byte[] getRequestBlock(String authority) {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.write(0x82); // :method GET
        block.write(0x86); // :scheme http
        block.write(0x84); // :path /
        block.write(0x01); // literal without indexing, name = static entry 1 (:authority)
        byte[] value = authority.getBytes(StandardCharsets.US_ASCII);
        block.write(value.length); // no Huffman, length < 127
        block.writeBytes(value);
        return block.toByteArray();
    }

    /** Connects with prior knowledge: preface, an empty SETTINGS, then whatever {@code send} writes. */
    static Socket priorKnowledge(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(PREFACE);
        write(out, SETTINGS, 0, 0, new byte[0]);
        return socket;
    }


    /** An HPACK integer with an n-bit prefix (RFC 7541 §5.1). */
    static byte[] hpackInt(int prefixBits, int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int max = (1 << prefixBits) - 1;
        if (value < max) {
            out.write(value);
            return out.toByteArray();
        }
        out.write(max);
        for (value -= max; value >= 128; value >>>= 7) {
            out.write((value & 0x7f) | 0x80);
        }
        out.write(value);
        return out.toByteArray();
    }

    /**
     * Sends GET / with extra headers of {@code size} bytes in all (HEADERS, then CONTINUATION frames)
     * and returns the first HEADERS or GOAWAY frame the server answers with.
     */
    static Frame getWithBigHeader(int port, int size) throws IOException {
        try (Socket socket = priorKnowledge(port)) {
            OutputStream out = socket.getOutputStream();
            writeBigHeaderRequest(out, 1, "127.0.0.1:" + port, size);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (true) {
                Frame f = read(in);
                if ((f.type() == HEADERS && f.stream() == 1) || f.type() == GOAWAY) {
                    return f;
                }
            }
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException();
        }
    }

    /**
     * Writes GET / on {@code stream} with extra headers {@code x-big-0, x-big-1, ..} of {@code size}
     * bytes in all (6000 each at most), as HEADERS then CONTINUATION frames of 16000 bytes.
     */
    static void writeBigHeaderRequest(OutputStream out, int stream, String authority, int size) throws IOException {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.writeBytes(getRequestBlock(authority));
        for (int i = 0; size > 0; i++, size -= 6000) { // header lines within the 8 KiB line limit
            byte[] name = ("x-big-" + i).getBytes(StandardCharsets.US_ASCII);
            block.write(0x00); // literal without indexing, new name
            block.writeBytes(hpackInt(7, name.length));
            block.writeBytes(name);
            block.writeBytes(hpackInt(7, Math.min(size, 6000)));
            block.writeBytes("a".repeat(Math.min(size, 6000)).getBytes(StandardCharsets.US_ASCII));
        }
        byte[] all = block.toByteArray();
        for (int off = 0; off < all.length; off += 16_000) {
            int end = Math.min(all.length, off + 16_000);
            int flags = (off == 0 ? END_STREAM : 0) | (end == all.length ? END_HEADERS : 0);
            write(out, off == 0 ? HEADERS : CONTINUATION, flags, stream, Arrays.copyOfRange(all, off, end));
            out.flush();
            if (end < all.length) {
                pause(); // lets the server read this frame on its own before the CONTINUATION arrives
            }
        }
    }
}
