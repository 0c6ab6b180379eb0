package io.skitai.core.internal.gateway;

import io.skitai.core.internal.Networks;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The address of the client behind a request: the connection's peer, unless the peer is a trusted
 * proxy, in which case {@code X-Forwarded-For} is read from the right, past every trusted proxy, to
 * the first address that is not one. An entry that is not a literal address stops the walk (the
 * last trusted hop is the answer), so a client cannot pick its address by sending the header.
 */
public final class ClientAddress {

    private final Networks trusted;

    /** Trusting {@code X-Forwarded-For} from the proxies in {@code trustedProxies} (CIDR networks). */
    public ClientAddress(List<String> trustedProxies) {
        this.trusted = Networks.of(trustedProxies);
    }

    /** The client's address, or null when the peer is unknown. */
    public InetAddress of(InetSocketAddress peer, List<String> forwardedFor) {
        if (peer == null || peer.getAddress() == null) {
            return null;
        }
        InetAddress hop = peer.getAddress();
        if (trusted.isEmpty() || !trusted.contains(hop)) {
            return hop;
        }
        for (int i = forwardedFor.size() - 1; i >= 0; i--) {
            String[] entries = forwardedFor.get(i).split(",");
            for (int j = entries.length - 1; j >= 0; j--) {
                InetAddress next = literal(entries[j].strip());
                if (next == null) {
                    return hop;
                }
                hop = next;
                if (!trusted.contains(hop)) {
                    return hop;
                }
            }
        }
        return hop;
    }

    private static InetAddress literal(String entry) {
        String host = entry.startsWith("[") && entry.endsWith("]") ? entry.substring(1, entry.length() - 1) : entry;
        return Networks.literal(host);
    }
}
