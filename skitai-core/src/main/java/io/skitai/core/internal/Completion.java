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

/**
 * Bridges Undertow's callback I/O to a handler thread that waits: the handler thread parks on a
 * future (cheap for virtual threads, no carrier pinned) while the IO thread does the work. Writes
 * that complete at once never park.
 */
final class Completion implements IoCallback {

    private final CompletableFuture<Void> done = new CompletableFuture<>();

    @Override
    public void onComplete(HttpServerExchange exchange, Sender sender) {
        done.complete(null);
    }

    @Override
    public void onException(HttpServerExchange exchange, Sender sender, IOException exception) {
        done.completeExceptionally(exception);
    }

    /** Waits for the operation, at most {@code timeoutMillis}. */
    void await(long timeoutMillis) {
        await(done, timeoutMillis);
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
