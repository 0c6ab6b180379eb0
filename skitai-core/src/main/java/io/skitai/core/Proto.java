package io.skitai.core;

/**
 * The protocol of an {@link Alias} of HTTP-based upstreams (Python's {@code PROTO_HTTP},
 * {@code PROTO_HTTPS}, {@code PROTO_WS}, {@code PROTO_WSS}): web pages, REST and RPC APIs over
 * HTTP(S), websockets over WS(S).
 */
public enum Proto implements AliasType {
    /** Plain HTTP, port 80 unless given. */
    HTTP("http", 80, false),
    /** HTTP over TLS, port 443 unless given. */
    HTTPS("https", 443, true),
    /** Websocket, port 80 unless given. */
    WS("ws", 80, false),
    /** Websocket over TLS, port 443 unless given. */
    WSS("wss", 443, true);

    private final String scheme;
    private final int defaultPort;
    private final boolean secure;

    Proto(String scheme, int defaultPort, boolean secure) {
        this.scheme = scheme;
        this.defaultPort = defaultPort;
        this.secure = secure;
    }

    /** The URL scheme: {@code http}, {@code https}, {@code ws}, {@code wss}. */
    public String scheme() {
        return scheme;
    }

    /** The port of a member that names none. */
    @Override
    public int defaultPort() {
        return defaultPort;
    }

    /** Whether connections use TLS. */
    public boolean secure() {
        return secure;
    }

    /** The scheme of HTTP requests to such members ({@code http} or {@code https}, also for WS/WSS). */
    public String httpScheme() {
        return secure ? "https" : "http";
    }
}
