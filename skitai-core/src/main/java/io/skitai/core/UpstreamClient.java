package io.skitai.core;

import java.util.concurrent.CompletableFuture;

/**
 * The server's one non-blocking HTTP client for upstream calls ({@link ServerContext#upstreamClient()}),
 * shared by was and the proxy. It runs on the server's own IO threads (Undertow's client), keeps a
 * bounded pool of keep-alive connections per upstream (scheme, host and port), speaks HTTP/2 over
 * TLS where the upstream offers it by ALPN and HTTP/1.1 otherwise, trusts what
 * {@code setUpstreamTrust} says (host names verified), and closes connections idle longer than the
 * backend keep-alive ({@code setBackendKeepAlive}).
 *
 * <p>Limits, set with {@code ServerBuilder.set(..)}: {@link #MAX_CONNECTIONS} per upstream (calls
 * beyond wait for a free connection, at most {@link #MAX_WAITING} of them), {@link #MAX_RESPONSE_BYTES}
 * per answer, 10 s to connect, and 5 minutes for any request as a safety net.
 *
 * <pre>{@code
 * UpstreamClient client = exchange.server().upstreamClient();
 * client.send(UpstreamRequest.of("GET", URI.create("http://127.0.0.1:5001/v1/items"), Map.of()))
 *       .thenAccept(r -> System.out.println(r.status() + " " + new String(r.body())));
 * }</pre>
 */
public interface UpstreamClient {

    /** Connections kept open to one upstream at most, in use or idle (default 256). */
    Setting<Integer> MAX_CONNECTIONS = Setting.of("upstream.maxConnections", Integer.class, 256);

    /** Calls waiting for a connection to one upstream at most; beyond, a call fails at once (default 10,000). */
    Setting<Integer> MAX_WAITING = Setting.of("upstream.maxWaiting", Integer.class, 10_000);

    /** The largest answer body read; a larger one fails the call and closes its connection (default 64 MiB). */
    Setting<Long> MAX_RESPONSE_BYTES = Setting.of("upstream.maxResponseBytes", Long.class, 64L << 20);

    /**
     * Sends {@code request}; never blocks. The future completes with the whole answer, or
     * exceptionally: {@link java.net.ConnectException} when no connection could be made (the
     * request never left), {@link java.net.http.HttpTimeoutException} after the 5-minute safety
     * net, another {@link java.io.IOException} when the exchange failed. Cancelling the future
     * abandons the request (an HTTP/1.1 connection is closed, an HTTP/2 stream reset).
     */
    CompletableFuture<UpstreamResponse> send(UpstreamRequest request);
}
