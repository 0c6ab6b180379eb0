package io.skitai.core.internal;

import io.undertow.connector.ByteBufferPool;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.DirectByteBufferDeallocator;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The engine's buffers: one lock-free queue shared by every thread, at most {@code maxPooled} kept.
 * Undertow's {@code DefaultByteBufferPool} looks up a per-thread cache in a synchronized map on
 * every free, even with the cache off, so IO threads and handler threads contend for one lock per
 * buffer; with a virtual thread per request a per-thread cache would not help anyway.
 */
final class SharedBufferPool implements ByteBufferPool {

    private final boolean direct;
    private final int bufferSize;
    private final int maxPooled;
    private final ConcurrentLinkedQueue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pooled = new AtomicInteger();
    private volatile boolean closed;
    private volatile SharedBufferPool heap;

    SharedBufferPool(boolean direct, int bufferSize, int maxPooled) {
        this.direct = direct;
        this.bufferSize = bufferSize;
        this.maxPooled = maxPooled;
    }

    @Override
    public PooledByteBuffer allocate() {
        if (closed) {
            throw new IllegalStateException("the buffer pool is closed");
        }
        ByteBuffer buffer = free.poll();
        if (buffer != null) {
            pooled.decrementAndGet();
            buffer.clear();
        } else {
            buffer = direct ? ByteBuffer.allocateDirect(bufferSize) : ByteBuffer.allocate(bufferSize);
        }
        return new Pooled(this, buffer);
    }

    private void release(ByteBuffer buffer) {
        if (!closed && pooled.incrementAndGet() <= maxPooled) {
            free.offer(buffer);
            return;
        }
        if (!closed) {
            pooled.decrementAndGet();
        }
        if (direct) {
            DirectByteBufferDeallocator.free(buffer);
        }
    }

    @Override
    public ByteBufferPool getArrayBackedPool() {
        if (!direct) {
            return this;
        }
        SharedBufferPool h = heap;
        if (h == null) {
            synchronized (this) {
                if (heap == null) {
                    heap = new SharedBufferPool(false, bufferSize, maxPooled);
                }
                h = heap;
            }
        }
        return h;
    }

    @Override
    public void close() {
        closed = true;
        for (ByteBuffer b; (b = free.poll()) != null; ) {
            if (direct) {
                DirectByteBufferDeallocator.free(b);
            }
        }
        SharedBufferPool h = heap;
        if (h != null) {
            h.close();
        }
    }

    @Override
    public int getBufferSize() {
        return bufferSize;
    }

    @Override
    public boolean isDirect() {
        return direct;
    }

    /** One buffer on loan; closing it twice returns it once. */
    private static final class Pooled implements PooledByteBuffer {

        private static final AtomicIntegerFieldUpdater<Pooled> RETURNED =
                AtomicIntegerFieldUpdater.newUpdater(Pooled.class, "returned");

        private final SharedBufferPool pool;
        private final ByteBuffer buffer;
        private volatile int returned;

        Pooled(SharedBufferPool pool, ByteBuffer buffer) {
            this.pool = pool;
            this.buffer = buffer;
        }

        @Override
        public ByteBuffer getBuffer() {
            if (returned != 0) {
                throw new IllegalStateException("the buffer was returned to its pool");
            }
            return buffer;
        }

        @Override
        public void close() {
            if (RETURNED.compareAndSet(this, 0, 1)) {
                pool.release(buffer);
            }
        }

        @Override
        public boolean isOpen() {
            return returned == 0;
        }

        @Override
        public String toString() {
            return "Pooled(" + buffer + ")";
        }
    }
}
