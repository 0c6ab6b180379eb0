package io.skitai.core.internal;

import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

/**
 * Bridges Undertow's callback I/O to a handler thread that waits: the handler thread parks on a
 * future (cheap for virtual threads, no carrier pinned) while the IO thread does the work. Writes
 * that complete at once never park.
 */
final class Completion implements IoCallback {

    private static final long CHECK_MILLIS = 100;
    private static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(CHECK_MILLIS);

    private volatile boolean done;
    private volatile IOException failure;
    private volatile Thread waiter;

    @Override
    public void onComplete(HttpServerExchange exchange, Sender sender) {
        finish(null);
    }

    @Override
    public void onException(HttpServerExchange exchange, Sender sender, IOException exception) {
        finish(exception);
    }

    private void finish(IOException error) {
        failure = error;
        done = true;
        Thread t = waiter;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /**
     * Waits for the operation on {@code exchange}, at most {@code timeoutMillis}, and fails at once
     * (within {@value #CHECK_MILLIS} ms) when the client resets the exchange's HTTP/2 stream; free
     * when the operation already completed.
     */
    void await(long timeoutMillis, HttpServerExchange exchange) {
        if (!done) {
            waiter = Thread.currentThread();
            BooleanSupplier reset = StreamResets.of(exchange);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (!done) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new UncheckedIOException(new IOException("I/O did not complete in " + timeoutMillis + " ms"));
                }
                LockSupport.parkNanos(this, Math.min(left, CHECK_NANOS));
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException(new IOException("interrupted while waiting for I/O"));
                }
                if (!done && reset.getAsBoolean()) {
                    throw new UncheckedIOException(new IOException("the client reset the HTTP/2 stream"));
                }
            }
        }
        if (failure != null) {
            throw new UncheckedIOException(failure);
        }
    }

    static <T> T await(CompletableFuture<T> future, long timeoutMillis) {
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while waiting for I/O", e));
        } catch (TimeoutException e) {
            throw new UncheckedIOException(new IOException("I/O did not complete in " + timeoutMillis + " ms", e));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }
}
