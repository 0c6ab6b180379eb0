package io.skitai.core.internal;

import io.skitai.core.Alias;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.ProxyCallback;
import io.undertow.server.handlers.proxy.ProxyClient;
import io.undertow.server.handlers.proxy.ProxyConnection;
import io.undertow.util.AttachmentKey;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Undertow's {@link ProxyClient} over an alias's members and the server's upstream client pools:
 * a request starts at the member a smooth weighted round robin picks and, each time a connection
 * to one cannot be made (nothing was sent), moves on to the next; when all failed there is no target.
 */
final class AliasProxyClient implements ProxyClient {

    private static final AttachmentKey<Integer> TRIED = AttachmentKey.create(Integer.class);
    private static final AttachmentKey<Integer> FIRST = AttachmentKey.create(Integer.class);

    private final List<Member> members;
    private final java.util.function.Supplier<UpstreamClientImpl> client;
    private final int[] current;
    private final int totalWeight;

    /** One member: its origin and the path put before each request's. */
    record Member(URI origin, String path, int weight) implements ProxyTarget {}

    AliasProxyClient(Alias alias, java.util.function.Supplier<UpstreamClientImpl> client) {
        String scheme = alias.proto().secure() ? "https" : "http";
        this.members = alias.members().stream().map(m -> new Member(URI.create(scheme + "://"
                + (m.host().contains(":") ? "[" + m.host() + "]" : m.host()) + ":" + m.port()), m.path(), m.weight())).toList();
        this.client = client;
        this.current = new int[members.size()];
        this.totalWeight = members.stream().mapToInt(Member::weight).sum();
    }

    int size() {
        return members.size();
    }

    /** The URL of an exchange's request at the first member (the cache file system's key for it). */
    URI firstMemberUrl(HttpServerExchange exchange) {
        Member m = members.get(0);
        String query = exchange.getQueryString();
        String path = exchange.getRequestURI();
        if (exchange.isHostIncludedInRequestURI()) {
            int slash = path.indexOf('/', path.indexOf("//") + 2);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        return URI.create(m.origin() + m.path() + path + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    @Override
    public ProxyTarget findTarget(HttpServerExchange exchange) {
        Integer tried = exchange.getAttachment(TRIED);
        int first;
        if (tried == null) {
            first = pick();
            exchange.putAttachment(FIRST, first);
            tried = 0;
        } else {
            first = exchange.getAttachment(FIRST);
        }
        if (tried >= members.size()) {
            return null;
        }
        exchange.putAttachment(TRIED, tried + 1);
        return members.get((first + tried) % members.size());
    }

    /** Smooth weighted round robin (nginx's): each member gains its weight, the highest is picked and pays the total. */
    private synchronized int pick() {
        int best = 0;
        for (int i = 0; i < current.length; i++) {
            current[i] += members.get(i).weight();
            if (current[i] > current[best]) {
                best = i;
            }
        }
        current[best] -= totalWeight;
        return best;
    }

    @Override
    public void getConnection(ProxyTarget target, HttpServerExchange exchange, ProxyCallback<ProxyConnection> callback,
            long timeout, TimeUnit timeUnit) {
        Member m = (Member) target;
        client.get().proxy(m.origin(), exchange, callback, m.path());
    }
}
