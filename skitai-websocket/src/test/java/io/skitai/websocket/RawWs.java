package io.skitai.websocket;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A websocket at the byte level, for protocol-violation tests: the handshake, frames written as
 * given (masked or not, any bits), frames read back. Never answers pings by itself.
 */
final class RawWs implements AutoCloseable {

    /** A frame read from the server. */
    record Frame(int opcode, byte[] payload) {
        /** The close code of a close frame. */
        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawWs(int port, String path) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(15_000);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
        String key = Base64.getEncoder().encodeToString("raw-websocket-key".getBytes(StandardCharsets.US_ASCII)).substring(0, 22) + "==";
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String head = readHead(in);
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + head);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            byte[] s = b.toByteArray();
            int n = s.length;
            if (n >= 4 && s[n - 4] == '\r' && s[n - 3] == '\n' && s[n - 2] == '\r' && s[n - 1] == '\n') {
                break;
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    /** Writes one frame: {@code first} is the FIN/RSV/opcode byte; masked with a fixed key when {@code masked}. */
    RawWs frame(int first, byte[] payload, boolean masked) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(first);
        int mask = masked ? 0x80 : 0;
        if (payload.length < 126) {
            f.write(mask | payload.length);
        } else if (payload.length < 65536) {
            f.write(mask | 126);
            f.write(payload.length >> 8);
            f.write(payload.length);
        } else {
            f.write(mask | 127);
            for (int i = 7; i >= 0; i--) {
                f.write((int) ((long) payload.length >> (8 * i)));
            }
        }
        byte[] key = {1, 2, 3, 4};
        if (masked) {
            f.write(key);
        }
        for (int i = 0; i < payload.length; i++) {
            f.write(masked ? payload[i] ^ key[i % 4] : payload[i]);
        }
        out.write(f.toByteArray());
        out.flush();
        return this;
    }

    /** A final, masked text frame. */
    RawWs text(String text) throws IOException {
        return frame(0x81, text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** The next frame from the server, or null when the connection ended. */
    Frame read() throws IOException {
        try {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            long len = b1 & 0x7f;
            if (len == 126) {
                len = in.readUnsignedShort();
            } else if (len == 127) {
                len = in.readLong();
            }
            byte[] payload = new byte[(int) len];
            in.readFully(payload);
            return new Frame(b0 & 0x0f, payload);
        } catch (EOFException | SocketTimeoutException e) {
            return null;
        }
    }

    /** Reads frames until the server's close frame; its code (or -1 if the connection ended without one). */
    int closeCode() throws IOException {
        Frame f;
        while ((f = read()) != null) {
            if (f.opcode() == 8) {
                return f.closeCode();
            }
        }
        return -1;
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
