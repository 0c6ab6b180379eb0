package io.skitai.core.internal;

import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * A response output stream for handler threads: buffers writes and hands each full buffer to
 * Undertow's non-blocking sender, parking the handler thread until it is written.
 */
final class StreamingOutput extends OutputStream {

    private static final int BUFFER = 16 * 1024;

    private final HttpServerExchange exchange;
    private final long timeoutMillis;
    private final byte[] buffer = new byte[BUFFER];
    private int count;
    private boolean closed;

    StreamingOutput(HttpServerExchange exchange, long timeoutMillis) {
        this.exchange = exchange;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (count == buffer.length) {
            flushBuffer();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        while (len > 0) {
            if (count == buffer.length) {
                flushBuffer();
            }
            int n = Math.min(len, buffer.length - count);
            System.arraycopy(b, off, buffer, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        ensureOpen();
        flushBuffer();
    }

    private void flushBuffer() throws IOException {
        if (count == 0) {
            return;
        }
        ByteBuffer chunk = ByteBuffer.wrap(buffer.clone(), 0, count);
        count = 0;
        Completion done = new Completion();
        exchange.getResponseSender().send(chunk, done);
        try {
            done.await(timeoutMillis, exchange);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        if (!exchange.isResponseStarted()) {
            exchange.setResponseContentLength(count);
        }
        flushBuffer();
        closed = true;
        exchange.endExchange();
    }

    void closeQuietly() {
        try {
            close();
        } catch (IOException | UncheckedIOException e) {
            exchange.setPersistent(false);
            exchange.endExchange();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("response stream is closed");
        }
    }
}
