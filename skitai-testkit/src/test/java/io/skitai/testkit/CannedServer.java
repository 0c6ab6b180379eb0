package io.skitai.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A one-connection TCP server that plays a script, for testing the client side byte by byte. */
final class CannedServer implements AutoCloseable {

    /** What the server does with the accepted connection. */
    @FunctionalInterface
    interface Script {
        void play(Socket socket) throws Exception;
    }

    private final ServerSocket listener;
    private final Thread thread;
    private volatile Socket accepted;

    private CannedServer(Script script) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        thread = Thread.ofVirtual().start(() -> {
            try {
                accepted = listener.accept();
                script.play(accepted);
            } catch (Exception e) {
                // The test side sees the effect (a close); nothing to report here.
            }
        });
    }

    /** Starts a server playing {@code script} for the first connection. */
    static CannedServer play(Script script) {
        try {
            return new CannedServer(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A script that writes these bytes and keeps the connection open until the test ends. */
    static CannedServer replying(String wire) {
        return play(s -> {
            s.getOutputStream().write(wire.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            Thread.sleep(30_000);
        });
    }

    /**
     * Waits for the client's first byte, then resets the connection (RST). Waiting first keeps the
     * reset from racing the client's connect.
     */
    static void resetAfterFirstByte(Socket socket) throws IOException {
        socket.getInputStream().read();
        socket.setSoLinger(true, 0);
        socket.close();
    }

    int port() {
        return listener.getLocalPort();
    }

    RawConnection connect() {
        return RawConnection.open("127.0.0.1", port());
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        Socket s = accepted;
        if (s != null) {
            s.close();
        }
        listener.close();
    }
}
