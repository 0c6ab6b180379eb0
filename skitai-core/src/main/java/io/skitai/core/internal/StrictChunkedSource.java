package io.skitai.core.internal;

import io.undertow.conduits.ChunkedStreamSourceConduit;
import io.undertow.conduits.ReadDataStreamSourceConduit;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpAttachments;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * The decoder of a chunked HTTP/1.1 request body, in place of Undertow's: the framing is read
 * strictly ({@link ChunkFraming}), so a broken body fails the handler's read with
 * {@link ChunkFraming.Malformed} (answered with 400, the connection then closes) where Undertow's
 * decoder skips to the next line feed, waits for one, takes unbounded extensions or closes the
 * connection without a response. Bytes after the body (a pipelined request) go back to the
 * connection; trailers are attached as Undertow's decoder attaches them.
 */
final class StrictChunkedSource extends SingleBufferSourceConduit {

    private final HttpServerExchange exchange;
    private final HttpServerConnection connection;
    private final ChunkFraming framing;
    private PooledByteBuffer pending;
    private boolean finished;
    private IOException failure;
    private long received;

    private StrictChunkedSource(HttpServerExchange exchange, HttpServerConnection connection, ChunkFraming framing) {
        super(new ReadDataStreamSourceConduit(connection.getOriginalSourceConduit(), connection));
        this.exchange = exchange;
        this.connection = connection;
        this.framing = framing;
    }

    /** Replaces the decoder Undertow set up for {@code exchange}'s chunked body, before it read a byte. */
    static void install(HttpServerExchange exchange, EngineConfig.Limits limits) {
        if (exchange.getConnection() instanceof HttpServerConnection connection) {
            ConduitStreamSourceChannel channel = connection.getChannel().getSourceChannel();
            if (channel.getConduit() instanceof ChunkedStreamSourceConduit) {
                channel.setConduit(new StrictChunkedSource(exchange, connection,
                        new ChunkFraming(limits.maxRequestLine(), limits.maxHeaderBytes(), true)));
            }
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (finished) {
            return -1;
        }
        try {
            return decode(dst);
        } catch (IOException e) {
            failure = e;
            exchange.setPersistent(false);
            release();
            throw e;
        }
    }

    private int decode(ByteBuffer dst) throws IOException {
        int copied = 0;
        while (dst.hasRemaining()) {
            if (pending == null && (copied > 0 || !fill())) {
                return copied;
            }
            ByteBuffer raw = pending.getBuffer();
            raw.position(framing.frame(raw, raw.position(), raw.limit()));
            int n = (int) Math.min(framing.dataRemaining(), Math.min(raw.remaining(), dst.remaining()));
            if (n > 0) {
                dst.put(raw.slice(raw.position(), n));
                raw.position(raw.position() + n);
                framing.dataConsumed(n);
                copied += n;
                countAgainstLimit(n);
            }
            if (framing.done()) {
                finish();
                return copied > 0 ? copied : -1;
            }
            if (!raw.hasRemaining()) {
                release();
            }
        }
        return copied;
    }

    /** Reads more raw bytes into {@link #pending}; false when none are there yet. */
    private boolean fill() throws IOException {
        PooledByteBuffer buffer = connection.getByteBufferPool().allocate();
        int r;
        try {
            r = next.read(buffer.getBuffer());
        } catch (IOException | RuntimeException e) {
            buffer.close();
            throw e;
        }
        if (r <= 0) {
            buffer.close();
            if (r < 0) {
                throw new EOFException("the connection closed in the middle of a chunked body");
            }
            return false;
        }
        buffer.getBuffer().flip();
        pending = buffer;
        return true;
    }

    private void countAgainstLimit(int n) throws IOException {
        received += n;
        long max = exchange.getMaxEntitySize();
        if (max > 0 && received > max) {
            throw new IOException("request body is larger than " + max + " bytes");
        }
    }

    private void finish() {
        finished = true;
        if (pending != null && pending.getBuffer().hasRemaining()) {
            connection.ungetRequestBytes(pending);
            pending = null;
        }
        release();
        if (!framing.trailers().isEmpty()) {
            HeaderMap trailers = new HeaderMap();
            for (String line : framing.trailers()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    trailers.add(new HttpString(line.substring(0, colon).strip()), line.substring(colon + 1).strip());
                }
            }
            exchange.putAttachment(HttpAttachments.REQUEST_TRAILERS, trailers);
        }
        Connectors.terminateRequest(exchange);
    }

    private void release() {
        if (pending != null) {
            pending.close();
            pending = null;
        }
    }

    /** Bytes already read and not yet decoded make the conduit readable without the socket. */
    private boolean readableNow() {
        return pending != null || finished || failure != null;
    }

    @Override
    public void resumeReads() {
        if (readableNow()) {
            next.wakeupReads();
        } else {
            next.resumeReads();
        }
    }

    @Override
    public void awaitReadable() throws IOException {
        if (!readableNow()) {
            next.awaitReadable();
        }
    }

    @Override
    public void awaitReadable(long time, TimeUnit timeUnit) throws IOException {
        if (!readableNow()) {
            next.awaitReadable(time, timeUnit);
        }
    }

    @Override
    public void terminateReads() throws IOException {
        release();
        if (!finished) {
            exchange.setPersistent(false);
            next.terminateReads();
        }
    }
}
