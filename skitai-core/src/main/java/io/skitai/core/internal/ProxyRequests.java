package io.skitai.core.internal;

import io.skitai.core.ForwardProxy;
import io.skitai.core.HttpError;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.ProxyHandler;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The forward proxy ({@code enableProxy()}): takes {@code CONNECT} requests and requests in
 * absolute form ({@code GET http://host/path}) before routing, everything else goes on to the
 * mounts. Checks run off the IO thread (a name lookup blocks): proxy credentials (407), then the
 * destination ({@link ProxyDestinations}); then a tunnel opens or Undertow's proxy handler forwards
 * the request to the checked address, streaming both ways, with hop-by-hop headers dropped.
 */
final class ProxyRequests implements HttpHandler {

    /** The absolute URL a forwarded request asked for (the cache's key). */
    private static final io.undertow.util.AttachmentKey<URI> REQUESTED = io.undertow.util.AttachmentKey.create(URI.class);

    private static final java.util.concurrent.ThreadFactory CHECKS = Thread.ofVirtual().name("skitai-proxy-", 0).factory();

    private final ForwardProxy settings;
    private final ProxyDestinations destinations;
    private final HttpHandler forward;
    private final HttpHandler next;
    private final byte[] credentials;

    ProxyRequests(ForwardProxy settings, java.util.function.Supplier<UpstreamClientImpl> client, java.time.Duration timeout,
            java.util.Optional<io.skitai.core.SharedCache> cachefs, HttpHandler next) {
        this.settings = settings;
        this.destinations = new ProxyDestinations(settings);
        ProxyHandler proxy = ProxyHandler.builder().setProxyClient(new ForwardProxyClient(client))
                .setMaxRequestTime((int) Math.min(Integer.MAX_VALUE, timeout.toMillis())).setNext(NotFound.INSTANCE)
                .setRewriteHostHeader(false).setReuseXForwarded(true).setMaxConnectionRetries(0).build();
        // Through the cache file system when it is on; its conditional requests are checked like any other.
        this.forward = io.skitai.core.internal.cachefs.CachingProxy.wrap(cachefs, proxy, ex -> ex.getAttachment(REQUESTED),
                () -> checked(client.get()), timeout);
        this.next = next;
        this.credentials = settings.credentials().map(c -> ("Basic " + Base64.getEncoder().encodeToString(
                c.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        boolean tunnel = exchange.getRequestMethod().equals(Methods.CONNECT);
        if (!tunnel && !exchange.isHostIncludedInRequestURI()) {
            next.handleRequest(exchange);
            return;
        }
        if (credentials != null && !authorized(exchange)) {
            exchange.getResponseHeaders().put(Headers.PROXY_AUTHENTICATE, "Basic realm=\"skitai proxy\", charset=\"UTF-8\"");
            ErrorResponses.send(exchange, 407, "the proxy needs credentials", false);
            return;
        }
        exchange.dispatch(task -> CHECKS.newThread(task).start(), () -> route(exchange, tunnel));
    }

    private void route(HttpServerExchange exchange, boolean tunnel) {
        try {
            if (tunnel) {
                HostPort target = HostPort.parse(exchange.getRequestURI(), 443);
                ConnectTunnel.open(exchange, destinations.check(target.host(), target.port(), true), settings.tunnelKeepAlive());
                return;
            }
            String query = exchange.getQueryString();
            URI uri = absolute(exchange.getRequestURI() + (query.isEmpty() ? "" : "?" + query));
            exchange.putAttachment(REQUESTED, uri);
            int port = uri.getPort() < 0 ? 80 : uri.getPort();
            InetSocketAddress address = destinations.check(uri.getHost(), port, false);
            exchange.getRequestHeaders().put(Headers.HOST, uri.getRawAuthority());
            ReverseProxy.dropHopByHop(exchange.getRequestHeaders());
            String host = address.getAddress().getHostAddress();
            exchange.putAttachment(ForwardProxyClient.TARGET, new ForwardProxyClient.Target(
                    URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port)));
            ProxyGrant.answer502WhenUpstreamFails(exchange);
            exchange.dispatch(exchange.getIoThread(), forward);
        } catch (HttpError e) {
            ErrorResponses.send(exchange, e);
        }
    }

    /**
     * {@code client} sending to the address the destination rules check for a request's URL (with
     * the URL's Host), so a later request for a cached URL cannot reach what a new DNS answer names.
     */
    private io.skitai.core.UpstreamClient checked(io.skitai.core.UpstreamClient client) {
        return request -> {
            URI uri = request.uri();
            int port = uri.getPort() < 0 ? 80 : uri.getPort();
            InetSocketAddress address;
            try {
                address = destinations.check(uri.getHost(), port, false);
            } catch (HttpError refused) {
                return java.util.concurrent.CompletableFuture.failedFuture(refused);
            }
            String host = address.getAddress().getHostAddress();
            java.util.Map<String, String> headers = new java.util.LinkedHashMap<>(request.headers());
            headers.put("Host", uri.getRawAuthority());
            URI target = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            return client.send(new io.skitai.core.UpstreamRequest(request.method(), target, headers, request.body()));
        };
    }

    private static URI absolute(String requestUri) {
        URI uri;
        try {
            uri = new URI(requestUri);
        } catch (java.net.URISyntaxException e) {
            throw HttpError.badRequest("the proxy request's target is not a URI");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw HttpError.badRequest("the proxy forwards http:// URLs without user info; use CONNECT for https");
        }
        return uri;
    }

    private boolean authorized(HttpServerExchange exchange) {
        String given = exchange.getRequestHeaders().getFirst(Headers.PROXY_AUTHORIZATION);
        exchange.getRequestHeaders().remove(Headers.PROXY_AUTHORIZATION);
        return given != null && MessageDigest.isEqual(credentials, given.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** A CONNECT target ({@code host:port}, {@code [v6]:port}). */
    record HostPort(String host, int port) {
        static HostPort parse(String authority, int defaultPort) {
            int colon = authority.lastIndexOf(':');
            boolean bracketed = authority.startsWith("[");
            if (colon < 0 || (bracketed && colon < authority.indexOf(']'))) {
                return new HostPort(authority, defaultPort);
            }
            try {
                int port = Integer.parseInt(authority.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    throw HttpError.badRequest("CONNECT needs a port between 1 and 65535");
                }
                String host = authority.substring(0, colon);
                if (host.isEmpty() || host.contains("/") || host.contains("@")) {
                    throw HttpError.badRequest("CONNECT needs host:port");
                }
                return new HostPort(host, port);
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("CONNECT needs host:port");
            }
        }
    }

    @Override
    public String toString() {
        return "ForwardProxy(" + settings + ") then " + next;
    }
}
