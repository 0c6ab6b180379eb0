package io.skitai.core.internal;

import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Reads a whole request body without blocking, counting it against the mount's limit itself:
 * Undertow's own entity-size check drops the connection without a response, so for Skitai's
 * handlers the limit is enforced here and answered with a proper 413.
 */
final class BodyReader {

    /** The body limit of the mount a request was routed to (set by {@link BodyLimit}). */
    static final AttachmentKey<Long> LIMIT = AttachmentKey.create(Long.class);

    /** What the reader reports. */
    interface Done {
        void body(HttpServerExchange exchange, byte[] body, Throwable failure);
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
        Long configured = exchange.getAttachment(LIMIT);
        long limit = configured == null ? Long.MAX_VALUE : configured;
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
            if (last) {
                finished[0] = true;
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
}
