package io.skitai.core.internal;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import org.xnio.Option;
import org.xnio.OptionMap;
import org.xnio.Options;

/** Undertow's server and socket options as the engine's configuration sets them, for every listener. */
final class ServerOptions {

    /**
     * HTTP/2 rapid reset: more RST_STREAM frames than this per connection within
     * {@link #RST_FRAMES_WINDOW_MILLIS} end the connection (Undertow's defaults, set here so they
     * are visible, and tested).
     */
    static final int MAX_RST_FRAMES_PER_WINDOW = 200;
    static final int RST_FRAMES_WINDOW_MILLIS = 30_000;

    private ServerOptions() {}

    /**
     * Undertow's options: limits, HTTP/2 settings and timeouts (the TLS listener takes the same).
     * HTTP2_SETTINGS_MAX_HEADER_LIST_SIZE is deprecated but is still what Undertow advertises in
     * its SETTINGS frame, so it stays.
     */
    @SuppressWarnings("deprecation")
    static OptionMap server(EngineConfig config) {
        EngineConfig.Timeouts t = config.timeouts();
        EngineConfig.Limits l = config.limits();
        return OptionMap.builder()
                .set(UndertowOptions.ENABLE_HTTP2, true)
                .set(UndertowOptions.HTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, l.maxConcurrentStreams())
                .set(UndertowOptions.MAX_CONCURRENT_REQUESTS_PER_CONNECTION, l.maxConcurrentStreams())
                .set(UndertowOptions.HTTP2_SETTINGS_MAX_HEADER_LIST_SIZE, l.maxHeaderBytes())
                // Rapid reset (CVE-2023-44487): a client that resets more than this many streams
                // within the window gets GOAWAY(ENHANCE_YOUR_CALM) and the connection is closed.
                .set(UndertowOptions.RST_FRAMES_TIME_WINDOW, RST_FRAMES_WINDOW_MILLIS)
                .set(UndertowOptions.MAX_RST_FRAMES_PER_WINDOW, MAX_RST_FRAMES_PER_WINDOW)
                .set(UndertowOptions.MAX_HEADER_SIZE, l.parserCap())
                .set(UndertowOptions.MAX_HEADERS, 2 * l.maxHeaderCount())
                // Body limits are per mount (BodyLimit, BodyReader): Undertow 2.3.27 fixes a chunked
                // body's limit when the request starts and drops the connection without a response.
                .set(UndertowOptions.MAX_ENTITY_SIZE, Long.MAX_VALUE)
                .set(UndertowOptions.DECODE_SLASH, false)
                .set(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, false)
                .set(UndertowOptions.NO_REQUEST_TIMEOUT, (int) t.keepAlive().toMillis())
                .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) Math.min(t.header().toMillis(), t.request().toMillis()))
                .set(UndertowOptions.IDLE_TIMEOUT, (int) Math.max(t.keepAlive().toMillis(), t.request().toMillis()))
                .set(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
                .set(UndertowOptions.ALWAYS_SET_DATE, false)
                .getMap();
    }

    /** Socket options: with TLS, the protocol versions (1.3 and 1.2 only). */
    static OptionMap socket(boolean tls) {
        // No READ_TIMEOUT/WRITE_TIMEOUT socket options: they arm and cancel an IO-thread timer on
        // every request. A stalled client is cut off by the idle timeout (IDLE_TIMEOUT above), by
        // the header timeout, and by the handler's own bounded waits for body and output I/O.
        OptionMap.Builder b = OptionMap.builder();
        if (tls) {
            b.setSequence(Options.SSL_ENABLED_PROTOCOLS, TlsContexts.PROTOCOLS.toArray(String[]::new));
        }
        return b.getMap();
    }

    /** Sets {@code server} and {@code socket} options on {@code builder}. */
    static Undertow.Builder apply(Undertow.Builder builder, OptionMap server, OptionMap socket) {
        for (Option<?> option : server) {
            copy(server, option, builder::setServerOption);
        }
        for (Option<?> option : socket) {
            copy(socket, option, builder::setSocketOption);
        }
        return builder;
    }

    private static <T> void copy(OptionMap from, Option<T> option, OptionSetter to) {
        to.set(option, from.get(option));
    }

    /** {@code Undertow.Builder::setServerOption} or {@code ::setSocketOption}. */
    private interface OptionSetter {
        <T> void set(Option<T> option, T value);
    }
}
