package io.skitai.core.internal;

import io.skitai.core.HttpError;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;

/**
 * A request's body and form, each read once: the bytes when a handler asks for them (blocking,
 * bounded by the IO timeout; already read with {@code threads(0)}), and the form fields and files
 * parsed from them, a multipart body streamed to its parts unless it is already in memory. No body
 * parsing for GET and HEAD.
 */
final class RequestBody {

    private final HttpServerExchange exchange;
    private final boolean mayBlock;
    private final long ioTimeoutMillis;
    private byte[] body;
    private boolean streamed;
    private ParsedForm form;

    RequestBody(HttpServerExchange exchange, boolean mayBlock, long ioTimeoutMillis, byte[] preloaded) {
        this.exchange = exchange;
        this.mayBlock = mayBlock;
        this.ioTimeoutMillis = ioTimeoutMillis;
        this.body = preloaded;
    }

    /** The whole body. */
    byte[] bytes() {
        if (body == null) {
            body = read();
        }
        return body;
    }

    /** The parsed form, read on first use. */
    ParsedForm form() throws HttpError {
        if (form == null) {
            form = readForm();
        }
        return form;
    }

    private byte[] read() {
        if (streamed) {
            throw new IllegalStateException("the multipart body was streamed by form()/files() and is not kept:"
                    + " use the parsed fields and files, or call body() before them");
        }
        if (exchange.isRequestComplete()) {
            return new byte[0];
        }
        if (!mayBlock) {
            throw new IllegalStateException("the body of a request handled on the IO thread is read before the handler runs");
        }
        return BodyReader.readBlocking(exchange, ioTimeoutMillis);
    }

    private ParsedForm readForm() {
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (type == null || Methods.GET.equals(exchange.getRequestMethod()) || Methods.HEAD.equals(exchange.getRequestMethod())) {
            return ParsedForm.EMPTY;
        }
        if (UrlEncodedForm.accepts(type)) {
            return UrlEncodedForm.parse(bytes(), type, RequestForm.limits(exchange).maxFields());
        }
        if (!MultipartForm.accepts(type)) {
            return ParsedForm.EMPTY;
        }
        if (body != null || !mayBlock || exchange.isRequestComplete()) {
            return RequestForm.fromBytes(exchange, type, bytes());
        }
        streamed = true;
        return RequestForm.streamed(exchange, type, ioTimeoutMillis);
    }
}
