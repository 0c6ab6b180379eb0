package io.skitai.core.internal;

import io.skitai.core.ForwardProxy;
import io.skitai.core.HttpError;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where the forward proxy may go (SSRF rules): the port must be one allowed for the kind of
 * request, the host on the allow-list when there is one, and every address the host resolves to
 * public, unless its network is explicitly allowed (IPv4-mapped IPv6 addresses are checked as the
 * IPv4 address they carry). The answer is the checked address itself, so
 * the connection cannot land elsewhere through a second lookup.
 */
final class ProxyDestinations {

    /** Loopback, private, link-local (metadata), CGNAT, reserved, multicast, broadcast and IPv6 equivalents. */
    private static final Networks INTERNAL = Networks.of(List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/96", "::1/128", "64:ff9b::/96", "100::/64", "2001:db8::/32", "2002::/16",
            "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8"));

    private final ForwardProxy proxy;
    private final Networks allowed;

    ProxyDestinations(ForwardProxy proxy) {
        this.proxy = proxy;
        this.allowed = Networks.of(proxy.allowNetworks());
    }

    /**
     * The address to connect to for {@code host:port}; resolving may block, so call it off the IO thread.
     *
     * @throws HttpError 403 for a destination the rules refuse, 502 for a name that does not resolve
     */
    InetSocketAddress check(String host, int port, boolean tunnel) {
        if (!(tunnel ? proxy.connectPorts() : proxy.httpPorts()).contains(port)) {
            throw new HttpError(403, "the proxy does not go to port " + port + (tunnel ? " with CONNECT" : ""));
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (!proxy.allowHosts().isEmpty() && proxy.allowHosts().stream().noneMatch(a -> matches(a.toLowerCase(Locale.ROOT), name))) {
            throw new HttpError(403, "the proxy does not go to " + host);
        }
        InetAddress[] addresses;
        try {
            String bare = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
            // A literal address is taken as it is (no lookup); a name goes to the resolver.
            InetAddress literal = Networks.literal(bare);
            addresses = literal != null ? new InetAddress[] {literal} : proxy.resolver().resolve(bare);
        } catch (UnknownHostException e) {
            throw new HttpError(502, "the proxy could not resolve " + host);
        }
        if (addresses == null || addresses.length == 0) {
            throw new HttpError(502, "the proxy could not resolve " + host);
        }
        for (InetAddress a : addresses) {
            if (INTERNAL.contains(a) && !allowed.contains(a)) {
                throw new HttpError(403, "the proxy does not go to " + host + ": it is a local, private or reserved address");
            }
        }
        return new InetSocketAddress(addresses[0], port);
    }

    private static boolean matches(String allowed, String host) {
        return allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : allowed.equals(host);
    }
}
