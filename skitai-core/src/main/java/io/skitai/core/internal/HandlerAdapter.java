package io.skitai.core.internal;

import io.skitai.core.Handler;
import io.skitai.core.HttpError;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletionException;

/**
 * Runs a Skitai {@link Handler} for an Undertow exchange on the configured threads, inside the
 * error boundary: {@link HttpError} becomes its status, anything else a 500 whose message is
 * logged and never sent.
 */
final class HandlerAdapter implements HttpHandler {

    private static final System.Logger LOG = System.getLogger("io.skitai.core");
    private static final byte[] EMPTY = new byte[0];
    /** Where a switched connection's work runs with {@code threads(0)}: it may block, the IO thread may not. */
    private static final java.util.concurrent.ThreadFactory SWITCHED = Thread.ofVirtual().name("skitai-switched-", 0).factory();
    private static final java.util.concurrent.Executor VIRTUAL = task -> SWITCHED.newThread(task).start();

    private final Handler handler;
    private final String point;
    private final HandlerThreads threads;
    private final long ioTimeoutMillis;

    HandlerAdapter(Handler handler, String point, HandlerThreads threads, long ioTimeoutMillis) {
        this.handler = handler;
        this.point = point;
        this.threads = threads;
        this.ioTimeoutMillis = ioTimeoutMillis;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (threads.mayBlock()) {
            // A Runnable (not an HttpHandler) runs outside Undertow's handler frame, so reads the
            // handler starts are resumed at once; invoke() ends the exchange itself.
            exchange.dispatch(threads.executor(), () -> invoke(exchange, null));
        } else if (exchange.isRequestComplete()) {
            invoke(exchange, EMPTY);
        } else {
            BodyReader.read(exchange, (ex, body, failure) -> {
                if (failure == null) {
                    invoke(ex, body);
                } else {
                    HttpError error = BodyReader.httpError(failure);
                    ErrorResponses.send(ex, error.status(), error.getMessage(), true);
                }
            });
        }
    }

    private void invoke(HttpServerExchange exchange, byte[] body) {
        UndertowExchange ex = new UndertowExchange(exchange, point,
                threads.mayBlock(), ioTimeoutMillis, body, threads.mayBlock() ? threads.executor() : VIRTUAL);
        run(exchange, ex, handler, true);
    }

    /**
     * Runs {@code h} inside the error boundary. {@code rootCall}: the first call, where with
     * {@code threads(0)} Undertow itself ends the exchange once the root handler returns.
     */
    private void run(HttpServerExchange exchange, UndertowExchange ex, Handler h, boolean rootCall) {
        boolean continued = false;
        io.skitai.core.Exchange previous = CurrentExchange.enter(ex);
        try {
            h.handle(ex);
            if (ex.handedOver()) {
                continued = true; // the handler it went to ends it (or finishes it later)
                return;
            }
            UndertowExchange.Pending pending = ex.takePending();
            if (pending != null && !exchange.isComplete()) {
                if (rootCall && !threads.mayBlock()) {
                    // Keeps Undertow from ending the exchange when the root handler returns.
                    exchange.dispatch(SameThreadExecutor.INSTANCE, () -> {});
                }
                continued = true;
                pending.completion().whenComplete((value, failure) -> continueOn(exchange,
                        () -> run(exchange, ex, pending.then(), false)));
                return;
            }
            ex.finish();
        } catch (Throwable t) {
            fail(exchange, ex, t);
        } finally {
            CurrentExchange.restore(previous);
            if (!continued && !ex.handedOver() && (threads.mayBlock() || !rootCall) && !exchange.isResponseStarted()) {
                exchange.endExchange();
            }
        }
    }

    /** The error boundary: {@code t} as its status, or a logged 500. */
    private static void fail(HttpServerExchange exchange, UndertowExchange ex, Throwable t) {
        if (ex.handedOver()) {
            // The exchange belongs to the handler it was handed to: nothing may be sent over it.
            LOG.log(Level.ERROR, "a filter failed after its request was handed over: " + exchange.getRequestMethod()
                    + " " + exchange.getRequestURI(), t);
            return;
        }
        if (t instanceof HttpError e) {
            ErrorResponses.send(exchange, e);
        } else if (t instanceof CompletionException && t.getCause() instanceof HttpError e) {
            ErrorResponses.send(exchange, e);
        } else {
            LOG.log(Level.ERROR, "handler failed on " + exchange.getRequestMethod() + " " + exchange.getRequestURI(), t);
            ErrorResponses.send(exchange, 500, "the server could not complete this request", false);
        }
    }

    /** Runs a continuation on the handler threads, or on the exchange's IO thread with threads(0). */
    private void continueOn(HttpServerExchange exchange, Runnable task) {
        try {
            if (threads.mayBlock()) {
                threads.executor().execute(task);
            } else {
                exchange.getIoThread().execute(task);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "could not continue " + exchange.getRequestMethod() + " " + exchange.getRequestURI(), e);
            exchange.setPersistent(false);
            exchange.endExchange();
        }
    }

    @Override
    public String toString() {
        return "Handler(" + handler.getClass().getName() + " on " + threads + ")";
    }
}
