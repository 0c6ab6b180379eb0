package io.skitai.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.xnio.conduits.StreamSourceConduit;

/**
 * A source conduit that shows every byte it reads, once, to {@link #scan} before handing it on,
 * whichever read method the layer above uses, and may hold the last byte back until more arrive
 * ({@link #holdLastByte()}).
 */
abstract class ScanningSourceConduit extends SingleBufferSourceConduit {

    private int held = -1;
    private boolean nudging;

    ScanningSourceConduit(StreamSourceConduit next) {
        super(next);
    }

    /** Looks at {@code buffer}'s bytes from {@code from} (inclusive) to {@code to} (exclusive), absolute indexes. */
    abstract void scan(ByteBuffer buffer, int from, int to) throws IOException;

    /**
     * Whether the last byte scanned must wait for more bytes before it is handed on; it is held
     * and handed on, before anything new, by the next read.
     */
    boolean holdLastByte() {
        return false;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int from = dst.position();
        if (held >= 0 && dst.hasRemaining()) {
            dst.put((byte) held);
            held = -1;
        }
        while (true) {
            int n = dst.hasRemaining() ? next.read(dst) : 0;
            if (n < 0) {
                return dst.position() > from ? dst.position() - from : -1;
            }
            if (n > 0) {
                scan(dst, dst.position() - n, dst.position());
            }
            if (dst.position() == from || !holdLastByte()) {
                break;
            }
            if (n == 0 || !dst.hasRemaining()) {
                // nothing more below right now (a TLS layer may have had more decrypted or buffered,
                // so it is asked again above before a byte is held)
                dst.position(dst.position() - 1);
                held = dst.get(dst.position()) & 0xff;
                nudgeLater();
                break;
            }
        }
        return dst.position() - from;
    }

    /**
     * A held byte waits for the bytes that follow it. Should a layer below (TLS) already hold them
     * without raising a readiness event, the channel would wait forever: so while a byte is held and
     * reads are wanted, reads are woken again a millisecond later (read: the byte is handed on with
     * what came, or held again).
     */
    private void nudgeLater() {
        if (nudging) {
            return;
        }
        nudging = true;
        try {
            getReadThread().executeAfter(() -> {
                nudging = false;
                if (held >= 0 && isReadResumed()) {
                    wakeupReads();
                }
            }, 1, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            nudging = false;
        }
    }
}
