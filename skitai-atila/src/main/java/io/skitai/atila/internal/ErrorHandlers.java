package io.skitai.atila.internal;

import io.skitai.atila.ErrorHandler;
import io.skitai.atila.Response;
import io.skitai.core.Exchange;
import io.skitai.core.HttpError;
import io.skitai.was.Was;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@link ErrorHandler} methods of an app, by status, and the fallback when none applies: the
 * debug 500 page with a stack trace in debug mode, otherwise the core's error rendering (the error
 * is rethrown).
 */
public final class ErrorHandlers {

    private static final Logger LOG = System.getLogger("io.skitai.atila");
    private static final Set<Hook.Kind> KINDS = EnumSet.of(Hook.Kind.WAS, Hook.Kind.HTTP_ERROR, Hook.Kind.STATUS, Hook.Kind.THROWABLE);
    private static final String HIDDEN = "the server could not complete this request";

    private final Map<Integer, Hook> byStatus;
    private final Hook fallback;

    private ErrorHandlers(Map<Integer, Hook> byStatus, Hook fallback) {
        this.byStatus = byStatus;
        this.fallback = fallback;
    }

    /** Collects the error handlers of {@code controllers}; throws {@link IllegalStateException} for a duplicate or bad one. */
    public static ErrorHandlers of(List<Object> controllers) {
        Map<Integer, Hook> byStatus = new HashMap<>();
        Hook fallback = null;
        for (Object controller : controllers) {
            for (Method m : Controllers.methods(controller.getClass(), ErrorHandler.class)) {
                Hook hook = Hook.of(controller, m, "@ErrorHandler", KINDS);
                int[] statuses = m.getAnnotation(ErrorHandler.class).value();
                if (statuses.length == 0) {
                    if (fallback != null) {
                        throw new IllegalStateException(Messages.secondDefaultErrorHandler(hook, fallback));
                    }
                    fallback = hook;
                }
                for (int s : statuses) {
                    if (s < 400 || s > 599) {
                        throw new IllegalStateException(Messages.errorHandlerStatus(hook, s));
                    }
                    Hook old = byStatus.put(s, hook);
                    if (old != null) {
                        throw new IllegalStateException(Messages.secondErrorHandler(hook, s, old));
                    }
                }
            }
        }
        return new ErrorHandlers(Map.copyOf(byStatus), fallback);
    }

    /**
     * Answers {@code failure} with the app's handler for its status; else, in debug mode, a 500 page
     * with its stack trace; else rethrows it for the core to render.
     */
    public void handle(Exchange exchange, Was was, Throwable failure, boolean debug) throws Exception {
        if (exchange.isResponseStarted() || failure instanceof VirtualMachineError) {
            throw rethrow(failure);
        }
        HttpError error = failure instanceof HttpError h ? h : new HttpError(500, HIDDEN, Map.of(), failure);
        int status = error.status();
        Hook hook = byStatus.getOrDefault(status, fallback);
        if (hook != null) {
            Object result;
            try {
                result = hook.call(new Hook.Args(null, null, was, error, failure, status, System.currentTimeMillis()));
            } catch (Exception | Error e) {
                e.addSuppressed(failure);
                LOG.log(Level.ERROR, "error handler " + hook + " failed on " + exchange.method() + " " + exchange.path(), e);
                throw rethrow(failure);
            }
            logUnexpected(exchange, failure);
            error.headers().forEach(exchange::header);
            if (result instanceof Response) {
                Renderer.render(exchange, result);
            } else if (result == null) {
                exchange.status(status).send(new byte[0]);
            } else {
                exchange.status(status);
                Renderer.render(exchange, result);
            }
            return;
        }
        if (debug && status == 500) {
            logUnexpected(exchange, failure);
            DebugPage.send(exchange, error, failure);
            return;
        }
        throw rethrow(failure);
    }

    private static void logUnexpected(Exchange exchange, Throwable failure) {
        if (!(failure instanceof HttpError)) {
            LOG.log(Level.ERROR, "handler failed on " + exchange.method() + " " + exchange.path(), failure);
        }
    }

    private static Exception rethrow(Throwable t) {
        if (t instanceof Exception e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
