package io.skitai.core.internal;

import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A request body as a stream for a handler thread, read without blocking underneath: Undertow's
 * receiver hands chunks over on the IO thread and the reader parks until one arrives (cheap on a
 * virtual thread, no carrier pinned). At most about {@value #HIGH_WATER} bytes wait in memory; then
 * the receiver pauses until the reader catches up. The body keeps to the mount's {@link
 * BodyReader.Policy} as a whole body does: too large, too slow, or silent for the I/O timeout, and
 * reading fails with a {@link ReadFailure} whose cause {@link BodyReader#httpError} maps to a status.
 *
 * <p>Threads: the reader never touches the exchange while the IO thread may be in one of its
 * callbacks. The end of the body and failures are signalled from a task that runs after Undertow's
 * bookkeeping of the callback, and {@link #close()} waits for the IO thread to pause the receiver.
 */
final class BodyStream extends InputStream {

    /** Reading the body failed; the cause is what {@link BodyReader#httpError} maps. */
    static final class ReadFailure extends IOException {
        private static final long serialVersionUID = 1L;

        ReadFailure(Throwable cause) {
            super(String.valueOf(cause.getMessage()), cause);
        }
    }

    private static final int HIGH_WATER = 64 * 1024;
    private static final byte[] EMPTY = new byte[0];
    private static final Runnable NOTHING = () -> {};

    private final HttpServerExchange exchange;
    private final long timeoutMillis;
    private final BodyReader.Policy policy;
    private final long limit;
    private final long start = System.nanoTime();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    // guarded by lock
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private long queued;
    private long received;
    private boolean ended;
    private Throwable failure;
    private boolean paused;
    private boolean resumeScheduled;
    private boolean closed;

    // the reader's own
    private Receiver receiver;
    private byte[] current = EMPTY;
    private int pos;

    BodyStream(HttpServerExchange exchange, long timeoutMillis) {
        this.exchange = exchange;
        this.timeoutMillis = timeoutMillis;
        this.policy = exchange.getAttachment(BodyReader.POLICY);
        this.limit = policy == null ? Long.MAX_VALUE : policy.maxBytes();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (pos == current.length) {
            byte[] next = nextChunk();
            if (next == null) {
                return -1;
            }
            current = next;
            pos = 0;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    /** Whether the whole body has been received (nothing of it is left on the connection). */
    boolean ended() {
        lock.lock();
        try {
            return ended;
        } finally {
            lock.unlock();
        }
    }

    private byte[] nextChunk() throws IOException {
        if (receiver == null) {
            exchange.setMaxEntitySize(Long.MAX_VALUE);
            receiver = exchange.getRequestReceiver();
            receiver.receivePartialBytes(this::onChunk, this::onError);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (true) {
                byte[] chunk = chunks.poll();
                if (chunk != null) {
                    queued -= chunk.length;
                    return chunk;
                }
                if (failure != null) {
                    throw new ReadFailure(failure);
                }
                if (ended) {
                    return null;
                }
                if (paused && !resumeScheduled) {
                    resumeScheduled = true;
                    exchange.getIoThread().execute(this::resumeReceiver);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new ReadFailure(new TimeoutException("no request body arrived for " + timeoutMillis + " ms"));
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadFailure(e);
        } finally {
            lock.unlock();
        }
    }

    /** On the IO thread. */
    private void resumeReceiver() {
        lock.lock();
        try {
            resumeScheduled = false;
            if (closed || ended || failure != null || !paused) {
                return;
            }
            paused = false;
        } finally {
            lock.unlock();
        }
        receiver.resume();
    }

    /** On the IO thread (or, for what is already buffered, on the reader's thread as it starts the receiver). */
    private void onChunk(HttpServerExchange ex, byte[] chunk, boolean last) {
        Throwable failed = null;
        boolean stop;
        lock.lock();
        try {
            if (closed) {
                paused = true;
                receiver.pause();
                stop = true;
            } else {
                received += chunk.length;
                if (received > limit) {
                    failed = new BodyReader.TooLarge(limit);
                } else if (!last && policy != null && BodyReader.tooSlow(policy, start, received)) {
                    failed = new BodyReader.TooSlow(policy.minRate());
                }
                if (failed != null) {
                    receiver.pause();
                    paused = true;
                    stop = true;
                } else {
                    if (chunk.length > 0) {
                        chunks.add(chunk);
                        queued += chunk.length;
                        changed.signalAll();
                    }
                    if (last || queued >= HIGH_WATER) {
                        // Paused, the receiver does not resume reads after this callback, so the
                        // dispatch below is allowed (UT000146 refuses both in one cycle).
                        receiver.pause();
                        paused = !last;
                    }
                    stop = last || paused;
                }
            }
        } finally {
            lock.unlock();
        }
        if (failed != null) {
            ex.setPersistent(false);
        }
        if (stop) {
            Throwable f = failed;
            BodyReader.afterCallback(ex, () -> finish(last && f == null, f));
        }
    }

    /** On the IO thread (or the reader's, as it starts the receiver). */
    private void onError(HttpServerExchange ex, IOException error) {
        ex.setPersistent(false);
        BodyReader.afterCallback(ex, () -> finish(false, error));
    }

    private void finish(boolean end, Throwable failed) {
        lock.lock();
        try {
            ended |= end;
            if (failed != null && failure == null) {
                failure = failed;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops reading: what has not arrived is left to Undertow (drained or dropped with the
     * connection at the end of the exchange). Waits until the IO thread has paused the receiver, so
     * the caller may then answer on the exchange.
     */
    @Override
    public void close() throws IOException {
        boolean quiet;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            chunks.clear();
            queued = 0;
            quiet = receiver == null || ended || failure != null;
        } finally {
            lock.unlock();
        }
        if (quiet) {
            return;
        }
        CompletableFuture<Void> paused = new CompletableFuture<>();
        exchange.getIoThread().execute(() -> {
            try {
                lock.lock();
                try {
                    if (!ended && failure == null && !this.paused) {
                        this.paused = true;
                        receiver.pause();
                    }
                } finally {
                    lock.unlock();
                }
            } finally {
                paused.complete(null);
            }
        });
        Completion.await(paused, timeoutMillis);
    }
}
