package io.skitai.core.internal.cachefs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.function.Consumer;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSourceChannel;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.ConduitWritableByteChannel;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.StreamSinkConduit;

/**
 * A response body conduit that passes every byte on unchanged and keeps a copy, up to
 * {@code limit} bytes: when the body is whole (its {@code Content-Length} written, or without one
 * at {@code terminateWrites}), {@code complete} gets the copy. A body over the
 * limit or cut short is dropped and the stream goes on untouched.
 */
final class TeeConduit extends AbstractStreamSinkConduit<StreamSinkConduit> {

    private final long limit;
    private final long expected;
    private final Consumer<byte[]> complete;
    private ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private long count;

    /**
     * @param expected the body's Content-Length, or -1 when not given
     */
    TeeConduit(StreamSinkConduit next, long limit, long expected, Consumer<byte[]> complete) {
        super(next);
        this.limit = limit;
        this.expected = expected;
        this.complete = complete;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int from = src.position();
        int n = next.write(src);
        keep(src, from, n);
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offs, int len) throws IOException {
        int[] from = new int[len];
        for (int i = 0; i < len; i++) {
            from[i] = srcs[offs + i].position();
        }
        long n = next.write(srcs, offs, len);
        for (int i = 0; i < len; i++) {
            ByteBuffer b = srcs[offs + i];
            keep(b, from[i], b.position() - from[i]);
        }
        return n;
    }

    @Override
    public int writeFinal(ByteBuffer src) throws IOException {
        return Conduits.writeFinalBasic(this, src);
    }

    @Override
    public long writeFinal(ByteBuffer[] srcs, int offs, int len) throws IOException {
        return Conduits.writeFinalBasic(this, srcs, offs, len);
    }

    @Override
    public long transferFrom(FileChannel src, long position, long count) throws IOException {
        return src.transferTo(position, count, new ConduitWritableByteChannel(this));
    }

    @Override
    public long transferFrom(StreamSourceChannel source, long count, ByteBuffer throughBuffer) throws IOException {
        return IoUtils.transfer(source, count, throughBuffer, new ConduitWritableByteChannel(this));
    }

    private void keep(ByteBuffer b, int from, int n) {
        if (copy == null || n <= 0) {
            return;
        }
        count += n;
        if (count > limit) {
            copy = null;
            return;
        }
        if (b.hasArray()) {
            copy.write(b.array(), b.arrayOffset() + from, n);
        } else {
            byte[] bytes = new byte[n];
            b.duplicate().position(from).get(bytes);
            copy.write(bytes, 0, n);
        }
        if (count == expected) {
            // The whole body, kept while this IO thread still holds the connection: the client's next
            // request on it is read only after this returns, and finds the entry.
            finish();
        }
    }

    @Override
    public void terminateWrites() throws IOException {
        if (expected < 0) {
            // Kept before the end goes out: a client that asks again once it has the answer finds it.
            finish();
        }
        copy = null;
        next.terminateWrites();
    }

    private void finish() {
        ByteArrayOutputStream whole = copy;
        copy = null;
        if (whole != null) {
            complete.accept(whole.toByteArray());
        }
    }

    @Override
    public void truncateWrites() throws IOException {
        copy = null;
        next.truncateWrites();
    }

    @Override
    public String toString() {
        return "TeeConduit(" + count + " bytes" + (copy == null ? ", not kept" : "") + ")";
    }
}
