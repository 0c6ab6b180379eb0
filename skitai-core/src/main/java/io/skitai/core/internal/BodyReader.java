package io.skitai.core.internal;

import io.skitai.core.HttpError;
import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * Reads a whole request body without blocking, counting it against the mount's limit itself
 * (Undertow's own entity-size check drops the connection without a response, so for Skitai's
 * handlers the limit is enforced here and answered with a proper 413), and refusing a body that
 * dribbles in below the minimum rate once its grace time is over (408).
 */
final class BodyReader {

    /** What a request's body must keep to (set by {@link BodyLimit} for the mount it was routed to). */
    static final AttachmentKey<Policy> POLICY = AttachmentKey.create(Policy.class);

    /**
     * A body's limits.
     *
     * @param maxBytes   the largest body accepted
     * @param minRate    bytes per second a body must average once {@code graceNanos} have passed
     * @param graceNanos how long a body may take before its rate is checked
     */
    record Policy(long maxBytes, long minRate, long graceNanos) {}

    /** What the reader reports. */
    interface Done {
        void body(HttpServerExchange exchange, byte[] body, Throwable failure);
    }

    /** The body arrived slower than the minimum rate. */
    static final class TooSlow extends IOException {
        private static final long serialVersionUID = 1L;

        TooSlow(long minRate) {
            super("request body arrived slower than " + minRate + " bytes/s", null);
        }
    }

    /** The body was larger than its limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("request body is larger than " + limit + " bytes", null);
        }
    }

    private BodyReader() {}

    /** Reads the body of {@code exchange}; {@code done} runs exactly once. */
    static void read(HttpServerExchange exchange, Done done) {
        Policy policy = exchange.getAttachment(POLICY);
        long limit = policy == null ? Long.MAX_VALUE : policy.maxBytes();
        long start = System.nanoTime();
        exchange.setMaxEntitySize(Long.MAX_VALUE);
        Receiver receiver = exchange.getRequestReceiver();
        long declared = exchange.getRequestContentLength();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 256), 1 << 20));
        boolean[] finished = {false};
        receiver.receivePartialBytes((ex, chunk, last) -> {
            if (finished[0]) {
                return;
            }
            if (buffer.size() + (long) chunk.length > limit) {
                finished[0] = true;
                receiver.pause();
                ex.setPersistent(false);
                done.body(ex, null, new TooLarge(limit));
                return;
            }
            buffer.write(chunk, 0, chunk.length);
            if (!last && policy != null && tooSlow(policy, start, buffer.size())) {
                finished[0] = true;
                receiver.pause();
                ex.setPersistent(false);
                done.body(ex, null, new TooSlow(policy.minRate()));
                return;
            }
            if (last) {
                finished[0] = true;
                // Paused, the receiver does not resume reads after this callback: the caller may
                // dispatch from it (Undertow refuses a dispatch and resumed reads in one cycle, UT000146).
                receiver.pause();
                done.body(ex, buffer.toByteArray(), null);
            }
        }, (ex, error) -> {
            if (!finished[0]) {
                finished[0] = true;
                ex.setPersistent(false);
                done.body(ex, null, error);
            }
        });
    }

    /**
     * Reads the whole body on this (handler) thread, waiting up to {@code timeoutMillis} for it;
     * a body that cannot be read is its {@link #httpError} and the connection is not kept.
     */
    static byte[] readBlocking(HttpServerExchange exchange, long timeoutMillis) {
        java.util.concurrent.CompletableFuture<byte[]> read = new java.util.concurrent.CompletableFuture<>();
        read(exchange, (ex, bytes, failure) -> afterCallback(ex, () -> {
            if (failure == null) {
                read.complete(bytes);
            } else {
                read.completeExceptionally(failure);
            }
        }));
        try {
            return Completion.await(read, timeoutMillis);
        } catch (RuntimeException e) {
            exchange.setPersistent(false);
            throw httpError(e);
        }
    }

    /**
     * Runs {@code task} once Undertow is done with the body callback that called this: inside a
     * callback on the IO thread, a dispatch keeps Undertow from ending the exchange when the
     * callback returns without resuming reads, and runs the task after its bookkeeping.
     */
    static void afterCallback(HttpServerExchange ex, Runnable task) {
        if (ex.isInIoThread()) {
            ex.dispatch(io.undertow.util.SameThreadExecutor.INSTANCE, task);
        } else {
            task.run();
        }
    }

    static boolean tooSlow(Policy policy, long start, long received) {
        long elapsed = System.nanoTime() - start;
        return elapsed > policy.graceNanos() && received * 1_000_000_000.0 / elapsed < policy.minRate();
    }

    /** The HTTP error for a body that could not be read: 413 too large, 408 too slow, else 400. */
    static HttpError httpError(Throwable failure) {
        Throwable tooLarge = cause(failure, TooLarge.class);
        if (tooLarge != null) {
            return new HttpError(413, tooLarge.getMessage());
        }
        if (cause(failure, TooSlow.class) != null || cause(failure, TimeoutException.class) != null
                || cause(failure, SocketTimeoutException.class) != null) {
            return new HttpError(408, "request body did not arrive in time");
        }
        Throwable malformed = cause(failure, ChunkFraming.Malformed.class);
        return new HttpError(400, malformed != null ? malformed.getMessage() : "request body could not be read");
    }

    private static Throwable cause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return c;
            }
        }
        return null;
    }
}
