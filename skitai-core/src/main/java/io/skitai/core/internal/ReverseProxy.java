package io.skitai.core.internal;

import io.skitai.core.Alias;
import io.skitai.core.TxId;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.ProxyHandler;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * {@code mount("/members", "@members")}: Undertow's proxy handler over the alias's members and the
 * server's upstream client pools (the same connections, trust and keep-alive as {@code was}). It
 * streams bodies both ways, drops hop-by-hop headers, appends {@code X-Forwarded-For/-Proto/-Host/
 * -Port} and {@code Forwarded}, passes websocket upgrades through, and sends the request's
 * transaction ids on. A member that cannot be reached is passed over for the next (nothing was
 * sent); an idempotent request whose upstream failed is tried once more elsewhere. 502 when no
 * member could be reached, 504 past the request timeout; 403 for a client outside the alias's
 * {@code source} networks (its connection's address, or with {@link io.skitai.core.Gateway#trustedProxies()
 * trusted proxies} the address they forwarded for). With the cache file system on, GETs go
 * through it first ({@code CachingProxy}, keyed by the first member's URL).
 */
final class ReverseProxy implements HttpHandler {

    private static final HttpString FORWARDED = new HttpString("Forwarded");
    private static final HttpString GTXID = new HttpString(TxId.GTXID_HEADER);
    private static final HttpString TRACEPARENT = new HttpString(TxId.TRACEPARENT_HEADER);
    private static final HttpString LTXID = new HttpString(TxId.LTXID_HEADER);

    private final String alias;
    private final Networks sources;
    private final io.skitai.core.internal.gateway.ClientAddress clients;
    private final HttpHandler proxy;

    ReverseProxy(Alias alias, java.util.function.Supplier<UpstreamClientImpl> client, Duration timeout,
            io.skitai.core.internal.gateway.ClientAddress clients, java.util.Optional<io.skitai.core.SharedCache> cachefs) {
        this.clients = clients;
        AliasProxyClient members = new AliasProxyClient(alias, client);
        this.alias = alias.name();
        this.sources = Networks.of(alias.source());
        ProxyHandler forward = ProxyHandler.builder().setProxyClient(members).setMaxRequestTime((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .setNext(NotFound.INSTANCE).setRewriteHostHeader(false).setReuseXForwarded(true)
                .setMaxConnectionRetries(members.size()).build();
        this.proxy = io.skitai.core.internal.cachefs.CachingProxy.wrap(cachefs, forward, members::firstMemberUrl, client, timeout);
    }

    /** Hop-by-hop headers (RFC 9110 7.6.1) besides {@code Connection} and {@code Upgrade}, which the proxy handler treats. */
    private static final java.util.List<HttpString> HOP_BY_HOP = java.util.List.of(new HttpString("Keep-Alive"),
            new HttpString("Proxy-Connection"), new HttpString("Proxy-Authorization"), new HttpString("TE"),
            new HttpString("Trailer"));

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        InetSocketAddress peer = exchange.getSourceAddress();
        if (!sources.isEmpty()) {
            java.net.InetAddress client = clients.of(peer, forwardedFor(exchange));
            if (client == null || !sources.contains(client)) {
                ErrorResponses.send(exchange, 403, alias + " is not open to " + (client == null ? "this client" : client.getHostAddress()), false);
                return;
            }
        }
        dropHopByHop(exchange.getRequestHeaders());
        String forwarded = "for=" + quote(peer == null ? "unknown" : peer.getAddress().getHostAddress())
                + ";proto=" + exchange.getRequestScheme() + ";host=" + quote(exchange.getHostAndPort());
        exchange.getRequestHeaders().add(FORWARDED, forwarded);
        TxId txid = exchange.getAttachment(Transactions.TXID);
        if (txid != null) {
            exchange.getRequestHeaders().put(GTXID, txid.gtxid());
            exchange.getRequestHeaders().put(LTXID, txid.nextLtxid());
            exchange.getRequestHeaders().put(TRACEPARENT, txid.nextTraceparent());
        }
        ProxyGrant.answer502WhenUpstreamFails(exchange);
        proxy.handleRequest(exchange);
    }

    private static java.util.List<String> forwardedFor(HttpServerExchange exchange) {
        io.undertow.util.HeaderValues v = exchange.getRequestHeaders().get(io.undertow.util.Headers.X_FORWARDED_FOR);
        return v == null ? java.util.List.of() : v;
    }

    /** Removes the hop-by-hop headers and those the {@code Connection} header names (but not {@code Upgrade}). */
    static void dropHopByHop(io.undertow.util.HeaderMap headers) {
        io.undertow.util.HeaderValues connection = headers.get(io.undertow.util.Headers.CONNECTION);
        if (connection != null) {
            for (String value : connection) {
                for (String token : value.split(",")) {
                    String name = token.strip();
                    if (!name.isEmpty() && !name.equalsIgnoreCase("upgrade") && !name.equalsIgnoreCase("keep-alive")
                            && !name.equalsIgnoreCase("close")) {
                        headers.remove(name);
                    }
                }
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
    }

    /** RFC 7239 quoting: an IPv6 address or a host with a port goes in quotes. */
    private static String quote(String value) {
        return value.contains(":") ? "\"" + (value.indexOf(':') != value.lastIndexOf(':') ? "[" + value + "]" : value) + "\"" : value;
    }

    @Override
    public String toString() {
        return "ReverseProxy(" + alias + ")";
    }
}
