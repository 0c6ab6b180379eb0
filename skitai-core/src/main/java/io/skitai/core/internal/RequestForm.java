package io.skitai.core.internal;

import io.skitai.core.Upload;
import io.undertow.server.HttpServerExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a request's multipart form for {@link UndertowExchange}: streamed from the connection
 * (files beyond {@link Upload#MEMORY_THRESHOLD} to temporary files deleted when the request
 * completes), or from a body already in memory (files stay there). Failures answer as a body's do:
 * 413 too large, 408 too slow, 400 malformed or unreadable; a temporary file that cannot be written
 * is a 500.
 */
final class RequestForm {

    private RequestForm() {}

    /** The limits the mount set for this request. */
    static FormLimits limits(HttpServerExchange exchange) {
        FormLimits limits = exchange.getAttachment(FormLimits.KEY);
        return limits == null ? FormLimits.UNBOUNDED : limits;
    }

    /** Parses a multipart body already read into {@code body}. */
    static ParsedForm fromBytes(HttpServerExchange exchange, String contentType, byte[] body) {
        try {
            return MultipartForm.parse(new ByteArrayInputStream(body), contentType, limits(exchange), Long.MAX_VALUE,
                    exchange.getConnection().getByteBufferPool(), TempFiles.unmanaged());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a multipart body as it arrives, on a thread that may block. */
    static ParsedForm streamed(HttpServerExchange exchange, String contentType, long timeoutMillis) {
        MultipartForm.boundary(contentType);
        TempFiles temp = TempFiles.deletedAfter(exchange);
        BodyStream in = new BodyStream(exchange, timeoutMillis);
        try {
            return MultipartForm.parse(in, contentType, limits(exchange), Upload.MEMORY_THRESHOLD,
                    exchange.getConnection().getByteBufferPool(), temp);
        } catch (BodyStream.ReadFailure e) {
            throw BodyReader.httpError(e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the uploads of " + exchange.getRequestURI(), e);
        } finally {
            try {
                in.close();
            } catch (IOException | RuntimeException e) {
                exchange.setPersistent(false);
            }
            if (!in.ended()) {
                exchange.setPersistent(false);
            }
        }
    }
}
