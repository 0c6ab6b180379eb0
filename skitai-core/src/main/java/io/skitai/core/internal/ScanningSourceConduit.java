package io.skitai.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitReadableByteChannel;
import org.xnio.conduits.StreamSourceConduit;

/**
 * A source conduit that shows every byte it reads, once, to {@link #scan} before handing it on,
 * whichever read method the layer above uses. Transfers go through {@link #read(ByteBuffer)}.
 */
abstract class ScanningSourceConduit extends AbstractStreamSourceConduit<StreamSourceConduit> {

    ScanningSourceConduit(StreamSourceConduit next) {
        super(next);
    }

    /** Looks at {@code buffer}'s bytes from {@code from} (inclusive) to {@code to} (exclusive), absolute indexes. */
    abstract void scan(ByteBuffer buffer, int from, int to) throws IOException;

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int from = dst.position();
        int n = next.read(dst);
        if (n > 0) {
            scan(dst, from, from + n);
        }
        return n;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
        int[] from = new int[len];
        for (int i = 0; i < len; i++) {
            from[i] = dsts[offs + i].position();
        }
        long n = next.read(dsts, offs, len);
        if (n > 0) {
            for (int i = 0; i < len; i++) {
                ByteBuffer b = dsts[offs + i];
                if (b.position() > from[i]) {
                    scan(b, from[i], b.position());
                }
            }
        }
        return n;
    }

    @Override
    public long transferTo(long position, long count, FileChannel target) throws IOException {
        return target.transferFrom(new ConduitReadableByteChannel(this), position, count);
    }

    @Override
    public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
        return IoUtils.transfer(new ConduitReadableByteChannel(this), count, throughBuffer, target);
    }
}
