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
    /** Bytes copied but not yet taken by the next conduit (they come back first). */
    private long ahead;

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
        int available = src.remaining();
        keepAhead(new ByteBuffer[] {src}, 0, 1, available);
        int n = next.write(src);
        ahead = available - n;
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offs, int len) throws IOException {
        long available = 0;
        for (int i = 0; i < len; i++) {
            available += srcs[offs + i].remaining();
        }
        keepAhead(srcs, offs, len, available);
        long n = next.write(srcs, offs, len);
        ahead = available - n;
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

    /**
     * Copies the bytes about to be written that were not copied before (a partly written buffer
     * comes back with its rest first), so the whole body is kept before its last byte goes out and
     * a client that asks again once it has the answer finds it.
     */
    private void keepAhead(ByteBuffer[] srcs, int offs, int len, long available) {
        if (copy == null) {
            return;
        }
        long fresh = available - ahead;
        if (fresh < 0) {
            copy = null; // not the bytes left over last time: keep nothing rather than something wrong
            return;
        }
        count += fresh;
        if (count > limit) {
            copy = null;
            return;
        }
        long skip = ahead;
        for (int i = 0; i < len; i++) {
            ByteBuffer b = srcs[offs + i].duplicate();
            long here = Math.min(skip, b.remaining());
            b.position(b.position() + (int) here);
            skip -= here;
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            copy.write(bytes, 0, bytes.length);
        }
        if (count == expected) {
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
