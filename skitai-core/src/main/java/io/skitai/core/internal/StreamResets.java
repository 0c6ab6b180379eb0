package io.skitai.core.internal;

import io.undertow.protocols.http2.Http2StreamSinkChannel;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http2.Http2ServerConnection;
import java.lang.reflect.Field;
import java.util.function.BooleanSupplier;

/**
 * Tells whether the HTTP/2 client has reset an exchange's stream. Undertow 2.3 marks the stream's
 * sink as reset but leaves a write that waits for flow-control window waiting, so a handler would
 * wait out its I/O timeout (and {@code stop()} its drain). The mark and the sink are private, so
 * they are read by reflection; on another Undertow the check never fires and the I/O timeout
 * still bounds the wait.
 */
final class StreamResets {

    private static final System.Logger LOG = System.getLogger("io.skitai.core");
    private static final BooleanSupplier NEVER = () -> false;
    private static final Field RESPONSE_CHANNEL = field(Http2ServerConnection.class, "responseChannel");
    private static final Field RESET = field(Http2StreamSinkChannel.class, "reset");

    private StreamResets() {}

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot see HTTP/2 stream resets; writes wait for their I/O timeout", e);
            return null;
        }
    }

    /**
     * A check that turns true once {@code exchange}'s HTTP/2 stream was reset by the client, and then
     * releases the data queued on it; for HTTP/1 a check that never fires.
     */
    static BooleanSupplier of(HttpServerExchange exchange) {
        if (RESPONSE_CHANNEL == null || RESET == null || !(exchange.getConnection() instanceof Http2ServerConnection c)) {
            return NEVER;
        }
        try {
            Http2StreamSinkChannel sink = (Http2StreamSinkChannel) RESPONSE_CHANNEL.get(c);
            return () -> {
                try {
                    if (RESET.getBoolean(sink)) {
                        sink.markBroken();
                        return true;
                    }
                    return false;
                } catch (IllegalAccessException e) {
                    return false;
                }
            };
        } catch (IllegalAccessException | ClassCastException e) {
            return NEVER;
        }
    }
}
