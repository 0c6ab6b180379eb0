package io.skitai.testkit;

import io.skitai.testkit.internal.DeadlineInput;
import io.skitai.testkit.internal.ResponseParser;
import io.skitai.testkit.internal.TrustAll;
import io.skitai.testkit.internal.WriteWatchdog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLSocket;

/**
 * A plain socket to a server for protocol-level tests: write exactly the bytes you want, read one
 * response at a time, see whether the server hung up.
 *
 * <pre>{@code
 * try (RawConnection c = cli.raw()) {
 *     c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
 *     RawResponse r = c.readResponse(Duration.ofSeconds(5));
 *     assertThat(r.status()).isEqualTo(200);
 *     c.send("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n");
 *     assertThat(c.readResponse().status()).isEqualTo(400);
 *     assertThat(c.isClosedByPeer(Duration.ofSeconds(2))).isTrue();
 * }
 * }</pre>
 *
 * <p>Nothing here can hang: every read has a deadline, connecting and each write are bounded by
 * the connection's timeout (5 s unless opened with another). Failures are
 * {@link UncheckedIOException}s that say what had arrived so far. Not thread-safe.
 */
public final class RawConnection implements AutoCloseable {

    /** Timeout for connecting, each write, and reads that set none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final Socket socket;
    private final OutputStream out;
    private final DeadlineInput in;
    private final Duration timeout;
    private final String peer;

    private RawConnection(Socket socket, Duration timeout, String peer) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DeadlineInput(socket);
        this.timeout = timeout;
        this.peer = peer;
    }

    /** Connects to host:port with the {@link #DEFAULT_TIMEOUT}. */
    public static RawConnection open(String host, int port) {
        return open(host, port, DEFAULT_TIMEOUT);
    }

    /** Connects to host:port; {@code timeout} bounds connecting, each write and default reads. */
    public static RawConnection open(String host, int port, Duration timeout) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), millis(timeout));
            return new RawConnection(socket, timeout, host + ":" + port);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Connects with TLS (any certificate accepted, as test servers use self-signed ones) and
     * finishes the handshake.
     */
    public static RawConnection openTls(String host, int port) {
        Socket plain = new Socket();
        try {
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(host, port), millis(DEFAULT_TIMEOUT));
            plain.setSoTimeout(millis(DEFAULT_TIMEOUT));
            SSLSocket tls = (SSLSocket) TrustAll.context().getSocketFactory().createSocket(plain, host, port, true);
            tls.startHandshake();
            return new RawConnection(tls, DEFAULT_TIMEOUT, host + ":" + port + " (TLS)");
        } catch (IOException e) {
            closeQuietly(plain);
            throw new UncheckedIOException("cannot open TLS to " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    // ---- writing -------------------------------------------------------------------------

    /** Writes text as UTF-8 (use {@code \r\n} line ends yourself) and flushes. */
    public RawConnection send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes exactly these bytes and flushes. */
    public RawConnection send(byte[] bytes) {
        try (WriteWatchdog.Guard guard = WriteWatchdog.guard(socket, timeout)) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                if (guard.fired()) {
                    throw new UncheckedIOException("writing " + bytes.length + " bytes to " + peer + " did not finish"
                            + " within " + timeout + " (the server stopped reading); the connection is closed", e);
                }
                throw new UncheckedIOException("writing to " + peer + " failed: " + e.getMessage(), e);
            }
        }
        return this;
    }

    /**
     * Writes the bytes unless the server has already closed or reset the connection.
     *
     * @return false when the write failed because the peer hung up (useful after an early 413)
     */
    public boolean trySend(byte[] bytes) {
        try {
            send(bytes);
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** Half-closes: the server sees end of stream, and this side can still read. */
    public RawConnection shutdownOutput() {
        try {
            socket.shutdownOutput();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot shut down output to " + peer + ": " + e.getMessage(), e);
        }
    }

    // ---- reading -------------------------------------------------------------------------

    /** {@link #readResponse(Duration)} with the connection's timeout. */
    public RawResponse readResponse() {
        return readResponse(timeout);
    }

    /**
     * Reads exactly one response (an interim 1xx counts as one): status line, headers, and the
     * body by Content-Length, chunked encoding, or up to close. Bytes after it stay for the next
     * call.
     *
     * @throws UncheckedIOException when the response is not complete within {@code within}, the
     *         server closes the connection first, or it is not HTTP; the message shows what came
     */
    public RawResponse readResponse(Duration within) {
        return read(within, false);
    }

    /** Like {@link #readResponse(Duration)} for the answer to a HEAD request: headers only, no body. */
    public RawResponse readHeadResponse(Duration within) {
        return read(within, true);
    }

    private RawResponse read(Duration within, boolean head) {
        in.begin(within);
        try {
            return new RawResponse(ResponseParser.read(in, head));
        } catch (SocketTimeoutException e) {
            throw failure("no complete response within " + within, e);
        } catch (IOException e) {
            throw failure(e.getMessage(), e);
        }
    }

    /**
     * Everything the server sends until it closes the connection.
     *
     * @throws UncheckedIOException when it has not closed within {@code within} (the message shows
     *         what arrived) or the connection fails
     */
    public byte[] readAll(Duration within) {
        in.begin(within);
        try {
            return in.readToEof();
        } catch (SocketTimeoutException e) {
            throw failure("the server did not close the connection within " + within, e);
        } catch (IOException e) {
            throw failure(e.getMessage(), e);
        }
    }

    /** {@link #readAll(Duration)} as UTF-8 text. */
    public String readAllText(Duration within) {
        return new String(readAll(within), StandardCharsets.UTF_8);
    }

    /**
     * Whether the server closes the connection within the time: true when a read sees end of
     * stream or a reset; false when the time passes with the connection open. Anything the server
     * sends meanwhile is read and dropped.
     */
    public boolean isClosedByPeer(Duration within) {
        if (socket.isClosed()) {
            throw new IllegalStateException("this side closed the connection to " + peer + " already");
        }
        in.begin(within);
        try {
            return in.drainToEof();
        } catch (SocketException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("reading from " + peer + " failed: " + e.getMessage(), e);
        }
    }

    // ---- the socket ----------------------------------------------------------------------

    /** The socket underneath (for options such as SO_LINGER). */
    public Socket socket() {
        return socket;
    }

    /** The local port of this connection (how the server's request log names it). */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** Closes the socket. Closing twice is harmless. */
    @Override
    public void close() {
        closeQuietly(socket);
    }

    private UncheckedIOException failure(String what, IOException cause) {
        byte[] got = in.recorded();
        String text = new String(got, StandardCharsets.ISO_8859_1);
        if (text.length() > 500) {
            text = text.substring(0, 500) + "... (" + got.length + " bytes)";
        }
        return new UncheckedIOException("from " + peer + ": " + what + "; received "
                + (got.length == 0 ? "nothing" : "\"" + text.replace("\r", "\\r").replace("\n", "\\n") + "\""), cause);
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing left to do.
        }
    }

    @Override
    public String toString() {
        return "RawConnection[" + peer + (socket.isClosed() ? ", closed" : "") + "]";
    }
}
