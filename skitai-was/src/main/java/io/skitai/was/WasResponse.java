package io.skitai.was;

import io.skitai.core.Exchange;
import io.skitai.core.HttpError;

/**
 * The response side of a request's {@link Was} (Python's {@code was.response}): set the status and
 * headers, or abort the request with an HTTP error from anywhere in the call.
 */
public final class WasResponse {

    private final Exchange exchange;

    WasResponse(Exchange exchange) {
        this.exchange = exchange;
    }

    /**
     * Aborts the request with this status line, e.g. {@code throwError("404 Not Found")}.
     *
     * @throws HttpError always, built by {@link HttpError#of(String)}
     */
    public void throwError(String statusLine) {
        throw HttpError.of(statusLine);
    }

    /** Sets the response status. */
    public WasResponse status(int status) {
        exchange.status(status);
        return this;
    }

    /** Sets a response header, replacing earlier values. */
    public WasResponse header(String name, String value) {
        exchange.header(name, value);
        return this;
    }

    @Override
    public String toString() {
        return "WasResponse(" + exchange.status() + ")";
    }
}
