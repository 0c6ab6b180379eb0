package io.skitai.core;

import io.skitai.core.internal.gateway.ClientAddress;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxies in front of the server whose word about the client is believed
 * ({@code Skitai.setTrustedProxies("10.0.0.0/8")}): for the real client address of a request
 * ({@link #clientOf(Exchange)}, Python's {@code get_real_ip}), {@code Forwarded} (RFC 7239) and
 * {@code X-Forwarded-For} are read from the right, past every trusted proxy, to the first address
 * that is not one; from any other peer they are ignored, so a client cannot choose its address.
 */
public final class TrustedProxies {

    /** None: the connection's peer is the client. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    /** Where the server's configuration keeps them. */
    public static final Setting<TrustedProxies> SETTING = Setting.of("core.trustedProxies", TrustedProxies.class, NONE);

    private final List<String> networks;
    /** The networks parsed once, here, not per request. */
    private final ClientAddress clients;

    /**
     * Trusts the proxies in {@code networks} (CIDR networks or addresses), checked now: a bad one is
     * an {@link IllegalArgumentException} naming it.
     */
    public TrustedProxies(List<String> networks) {
        this.networks = List.copyOf(networks);
        this.clients = new ClientAddress(this.networks);
    }

    /** The trusted proxies, as given. */
    public List<String> networks() {
        return networks;
    }

    /** The real client address of {@code exchange}, or null when its peer is unknown. */
    public InetAddress clientOf(Exchange exchange) {
        List<String> hops = new ArrayList<>();
        List<String> forwarded = exchange.headers("Forwarded");
        if (!forwarded.isEmpty()) {
            for (String value : forwarded) {
                for (String element : value.split(",")) {
                    for (String pair : element.split(";")) {
                        String p = pair.strip();
                        if (p.regionMatches(true, 0, "for=", 0, 4)) {
                            hops.add(p.substring(4).replace("\"", "").replaceAll(":\\d+$", "").replaceAll("^\\[(.*)\\](:\\d+)?$", "$1"));
                        }
                    }
                }
            }
        } else {
            hops.addAll(exchange.headers("X-Forwarded-For"));
        }
        return clients.of(exchange.remoteAddress(), hops);
    }

    /**
     * Whether {@code address} is a private one: loopback, private networks (10/8, 172.16/12,
     * 192.168/16, fc00::/7), link-local or carrier-grade NAT.
     */
    public static boolean isPrivate(InetAddress address) {
        return address != null && (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || PRIVATE.contains(address));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustedProxies t && t.networks.equals(networks);
    }

    @Override
    public int hashCode() {
        return networks.hashCode();
    }

    @Override
    public String toString() {
        return "TrustedProxies" + networks;
    }

    private static final io.skitai.core.internal.Networks PRIVATE = io.skitai.core.internal.Networks.of(
            List.of("fc00::/7", "100.64.0.0/10"));
}
