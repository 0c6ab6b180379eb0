package io.skitai.core.internal;

import io.skitai.core.Handler;
import io.skitai.core.HttpError;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.lang.System.Logger.Level;

/**
 * Runs a Skitai {@link Handler} for an Undertow exchange on the configured threads, inside the
 * error boundary: {@link HttpError} becomes its status, anything else a 500 whose message is
 * logged and never sent.
 */
final class HandlerAdapter implements HttpHandler {

    private static final System.Logger LOG = System.getLogger("skitai");
    private static final byte[] EMPTY = new byte[0];

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
                threads.mayBlock(), ioTimeoutMillis, body);
        try {
            handler.handle(ex);
            ex.finish();
        } catch (HttpError e) {
            ErrorResponses.send(exchange, e);
        } catch (Throwable t) {
            LOG.log(Level.ERROR, "handler failed on " + exchange.getRequestMethod() + " " + exchange.getRequestURI(), t);
            ErrorResponses.send(exchange, 500, "the server could not complete this request", false);
        } finally {
            if (threads.mayBlock() && !exchange.isResponseStarted()) {
                exchange.endExchange();
            }
        }
    }

    @Override
    public String toString() {
        return "Handler(" + handler.getClass().getName() + " on " + threads + ")";
    }
}
