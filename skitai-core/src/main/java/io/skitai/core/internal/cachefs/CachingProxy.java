package io.skitai.core.internal.cachefs;

import io.skitai.core.SharedCache;
import io.skitai.core.UpstreamClient;
import io.skitai.core.UpstreamRequest;
import io.skitai.core.UpstreamResponse;
import io.skitai.core.internal.HeaderMaps;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The cache file system in front of a forwarding handler (the reverse proxy; a forward proxy the
 * same way), keyed by the absolute upstream URL {@code url} gives for an exchange. A GET is looked
 * up on the cache's virtual threads: a fresh answer is sent without touching the upstream; a stale
 * one with validators is asked for conditionally with the server's upstream client (a 304 sends
 * the kept answer, refreshed); a miss goes to {@code next} as before, streamed, its body copied
 * into the cache as it passes when the answer is storable, small enough and whole. A request
 * {@code next} answers for an unsafe method invalidates its URL. Websocket upgrades, and URLs that
 * do not parse, pass straight through.
 */
public final class CachingProxy implements HttpHandler {

    /** Request headers the conditional request does not repeat (hop-by-hop, framing, the client's Host). */
    private static final Set<String> NOT_SENT = Set.of("host", "connection", "keep-alive", "proxy-connection", "te",
            "trailer", "transfer-encoding", "upgrade", "content-length", "expect", "proxy-authorization");

    private final CachefsStore cache;
    private final HttpHandler next;
    private final Function<HttpServerExchange, URI> url;
    private final Supplier<? extends UpstreamClient> client;
    private final Duration timeout;

    private CachingProxy(CachefsStore cache, HttpHandler next, Function<HttpServerExchange, URI> url,
            Supplier<? extends UpstreamClient> client, Duration timeout) {
        this.cache = cache;
        this.next = next;
        this.url = url;
        this.client = client;
        this.timeout = timeout;
    }

    /**
     * {@code next} behind the cache when {@code cachefs} is on, else {@code next} itself.
     *
     * @param url     the absolute upstream URL of an exchange: the cache key and where a conditional request goes
     * @param client  the upstream client for conditional requests (the server's)
     * @param timeout how long a conditional request may take before the client gets a 504
     */
    public static HttpHandler wrap(Optional<SharedCache> cachefs, HttpHandler next, Function<HttpServerExchange, URI> url,
            Supplier<? extends UpstreamClient> client, Duration timeout) {
        return cachefs.filter(CachefsStore.class::isInstance)
                .<HttpHandler>map(c -> new CachingProxy((CachefsStore) c, next, url, client, timeout)).orElse(next);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String method = exchange.getRequestMethod().toString();
        URI key = key(exchange);
        if (key == null || exchange.getRequestHeaders().contains(Headers.UPGRADE)) {
            next.handleRequest(exchange);
        } else if (!method.equals("GET")) {
            if (CachePolicy.unsafe(method)) {
                exchange.addResponseCommitListener(ex -> cache.invalidateAfter(method, key, ex.getStatusCode()));
            }
            next.handleRequest(exchange);
        } else {
            exchange.dispatch(cache.executor(), ex -> get(ex, key));
        }
    }

    private URI key(HttpServerExchange exchange) {
        try {
            return url.apply(exchange);
        } catch (IllegalArgumentException unparsable) {
            return null;
        }
    }

    /** A GET, on a virtual thread of the cache. */
    private void get(HttpServerExchange exchange, URI key) throws Exception {
        Map<String, String> request = requestHeaders(exchange.getRequestHeaders());
        SharedCache.Lookup lookup = cache.lookup("GET", key, request);
        switch (lookup.kind()) {
            case HIT -> send(exchange, lookup.response().orElseThrow());
            case UNSATISFIABLE -> {
                exchange.setStatusCode(504);
                exchange.endExchange();
            }
            case PASS -> next.handleRequest(exchange);
            case MISS -> forward(exchange, lookup);
            case REVALIDATE -> revalidate(exchange, lookup, key, request);
        }
    }

    /** Proxies as without the cache, copying a storable answer's body into the cache as it passes. */
    private void forward(HttpServerExchange exchange, SharedCache.Lookup lookup) throws Exception {
        Instant sent = Instant.now();
        exchange.addResponseWrapper((factory, ex) -> {
            var conduit = factory.create();
            Map<String, List<String>> headers = HeaderMaps.toMap(ex.getResponseHeaders());
            int status = ex.getStatusCode();
            if (!cache.storable(lookup, status, headers)) {
                return conduit;
            }
            Instant received = Instant.now();
            long expected = HeaderMaps.contentLength(ex.getResponseHeaders().getFirst(Headers.CONTENT_LENGTH));
            return new TeeConduit(conduit, cache.maxEntryBytes(), expected,
                    body -> cache.store(lookup, new SharedCache.Response(status, headers, body), sent, received));
        });
        next.handleRequest(exchange);
    }

    private void revalidate(HttpServerExchange exchange, SharedCache.Lookup lookup, URI key, Map<String, String> request)
            throws Exception {
        Map<String, String> headers = CachePolicy.conditional(request, lookup);
        headers.keySet().removeIf(name -> NOT_SENT.contains(name.toLowerCase(Locale.ROOT)));
        Instant sent = Instant.now();
        Future<UpstreamResponse> asked = client.get().send(UpstreamRequest.of("GET", key, headers));
        UpstreamResponse r;
        try {
            r = asked.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            asked.cancel(false);
            exchange.setStatusCode(504);
            exchange.endExchange();
            return;
        } catch (ExecutionException failed) {
            forward(exchange, lookup); // the proxy tries the other members, and reports its own error
            return;
        }
        Instant received = Instant.now();
        if (r.status() == 304) {
            send(exchange, cache.revalidated(lookup, r.headers(), sent, received));
            return;
        }
        SharedCache.Response answer = new SharedCache.Response(r.status(), r.headers(), r.body());
        cache.store(lookup, answer, sent, received);
        send(exchange, answer);
    }

    private static void send(HttpServerExchange exchange, SharedCache.Response r) {
        exchange.setStatusCode(r.status());
        HeaderMap out = exchange.getResponseHeaders();
        r.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_SENT.contains(lower) && !lower.equals("content-length")) {
                out.putAll(new HttpString(name), values);
            }
        });
        if (r.status() == 304 || r.status() == 204) {
            exchange.endExchange();
            return;
        }
        out.put(Headers.CONTENT_LENGTH, r.body().length);
        exchange.getResponseSender().send(ByteBuffer.wrap(r.body()));
    }

    private static Map<String, String> requestHeaders(HeaderMap headers) {
        Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HeaderValues values : headers) {
            m.put(values.getHeaderName().toString(), String.join(", ", values));
        }
        return m;
    }

    @Override
    public String toString() {
        return "CachingProxy(" + cache + " in front of " + next + ")";
    }
}
