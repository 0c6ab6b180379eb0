package io.skitai.websocket;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A websocket route's settings (Python's {@code was.wsconfig(spec, keep_alive_timeout,
 * encoding)} plus the limits), immutable: each {@code with} method returns a changed copy.
 *
 * <pre>{@code
 * WsConfig.of(WsSpec.GROUPCHAT).keepAlive(Duration.ofSeconds(60)).encoding(WsEncoding.JSON)
 * }</pre>
 *
 * @param spec            how the route runs
 * @param keepAlive       a client that sends nothing (not even a pong) for this long is closed
 *                        (1001); pings go out after half of it (default 60 s)
 * @param encoding        how messages are decoded and encoded (default {@link WsEncoding#NONE})
 * @param maxFrameBytes   a larger frame closes the connection with 1009 (default 64 KiB)
 * @param maxMessageBytes a larger message (all its frames) closes the connection with 1009 (default 1 MiB)
 * @param sendQueueBytes  bytes queued for a client that does not read before senders wait
 *                        (default 1 MiB)
 * @param roomParams      for {@link WsSpec#GROUPCHAT}: the query parameters that, with the path,
 *                        name a client's room (default {@code "*"}: all of them; none: the path alone)
 * @param allowedOrigins  {@code Origin}s allowed besides the request's own host
 *                        ({@code "https://app.example.com"}; {@code "*"}: any); a browser
 *                        handshake from another origin is refused with 403 (cross-site
 *                        websocket hijacking); a client without {@code Origin} is not a browser
 *                        and is let in
 */
public record WsConfig(WsSpec spec, Duration keepAlive, WsEncoding encoding, int maxFrameBytes,
        int maxMessageBytes, int sendQueueBytes, List<String> roomParams, List<String> allowedOrigins) {

    public WsConfig {
        if (spec == null || encoding == null || keepAlive == null || !keepAlive.isPositive()) {
            throw new IllegalArgumentException("a websocket route needs a spec, an encoding and a positive keep-alive");
        }
        if (maxFrameBytes < 126 || maxMessageBytes < maxFrameBytes || sendQueueBytes < 1) {
            throw new IllegalArgumentException("websocket limits: frame >= 126 bytes, message >= frame, send queue >= 1 byte");
        }
        roomParams = List.copyOf(roomParams);
        allowedOrigins = allowedOrigins.stream().map(o -> o.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** {@code spec} with the defaults. */
    public static WsConfig of(WsSpec spec) {
        return new WsConfig(spec, Duration.ofSeconds(60), WsEncoding.NONE, 64 * 1024, 1024 * 1024, 1024 * 1024, List.of("*"), List.of());
    }

    /** Python's {@code was.wsconfig(spec, timeout, encoding)}. */
    public static WsConfig of(WsSpec spec, int keepAliveSeconds, WsEncoding encoding) {
        return of(spec).keepAlive(Duration.ofSeconds(keepAliveSeconds)).encoding(encoding);
    }

    public WsConfig keepAlive(Duration keepAlive) {
        return new WsConfig(spec, keepAlive, encoding, maxFrameBytes, maxMessageBytes, sendQueueBytes, roomParams, allowedOrigins);
    }

    public WsConfig encoding(WsEncoding encoding) {
        return new WsConfig(spec, keepAlive, encoding, maxFrameBytes, maxMessageBytes, sendQueueBytes, roomParams, allowedOrigins);
    }

    public WsConfig maxFrameBytes(int maxFrameBytes) {
        return new WsConfig(spec, keepAlive, encoding, maxFrameBytes, maxMessageBytes, sendQueueBytes, roomParams, allowedOrigins);
    }

    public WsConfig maxMessageBytes(int maxMessageBytes) {
        return new WsConfig(spec, keepAlive, encoding, maxFrameBytes, maxMessageBytes, sendQueueBytes, roomParams, allowedOrigins);
    }

    public WsConfig sendQueueBytes(int sendQueueBytes) {
        return new WsConfig(spec, keepAlive, encoding, maxFrameBytes, maxMessageBytes, sendQueueBytes, roomParams, allowedOrigins);
    }

    /** The query parameters naming a client's room besides the path (none: the path alone). */
    public WsConfig roomParams(String... names) {
        return new WsConfig(spec, keepAlive, encoding, maxFrameBytes, maxMessageBytes, sendQueueBytes, List.of(names), allowedOrigins);
    }

    /** Allows handshakes from these origins too (scheme://host[:port], or {@code "*"}). */
    public WsConfig allowOrigins(String... origins) {
        return new WsConfig(spec, keepAlive, encoding, maxFrameBytes, maxMessageBytes, sendQueueBytes, roomParams, List.of(origins));
    }
}
