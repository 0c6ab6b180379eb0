package io.skitai.core;

/**
 * The one handler abstraction of Skitai: what a mount, a route or a proxy ends in.
 *
 * <p>Contract: complete the response before returning. By default a handler runs on a virtual
 * thread, so it may block (read the body, call upstreams, write output); whatever it has not sent
 * when it returns is finished by the engine (an untouched exchange becomes an empty 200). A
 * handler that throws {@link HttpError} gets that status; any other exception becomes a 500 whose
 * message is logged, never sent. With {@code Run.threads(0)} handlers run on the IO thread and
 * must not block; the request body is then read before the handler is called. A handler that
 * waits for slow work hands the rest of the exchange to
 * {@link Exchange#async(java.util.concurrent.CompletionStage, Handler)} and returns.
 */
@FunctionalInterface
public interface Handler {

    /** Handles one request. */
    void handle(Exchange exchange) throws Exception;
}
