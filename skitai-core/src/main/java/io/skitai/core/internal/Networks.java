package io.skitai.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * IP networks in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}; a bare address is one host),
 * parsed once at start, matched per request. Only literal addresses: a name is refused, never
 * looked up.
 */
public final class Networks {

    private record Network(byte[] address, int prefix) {
        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (candidate[full] & mask) == (address[full] & mask);
        }
    }

    private final List<Network> networks;

    private Networks(List<Network> networks) {
        this.networks = networks;
    }

    /**
     * The networks of {@code cidrs}.
     *
     * @throws IllegalArgumentException naming the first entry that is not a literal address with a fitting prefix
     */
    public static Networks of(List<String> cidrs) {
        List<Network> out = new ArrayList<>();
        for (String cidr : cidrs) {
            int slash = cidr.indexOf('/');
            String host = slash < 0 ? cidr : cidr.substring(0, slash);
            if (!isLiteral(host)) {
                throw new IllegalArgumentException("'" + cidr + "' is not an IP address or network (a.b.c.d/n or an IPv6 one)");
            }
            byte[] address;
            try {
                address = InetAddress.getByName(padded(host)).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + cidr + "' is not an IP address or network", e);
            }
            int prefix;
            try {
                prefix = slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + cidr + "' has no numeric prefix length", e);
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("'" + cidr + "': a prefix of " + prefix + " does not fit the address");
            }
            out.add(new Network(address, prefix));
        }
        return new Networks(List.copyOf(out));
    }

    /** {@code 192.168.1} as {@code 192.168.1.0} (the Python docs write {@code 192.168.1/24}); else as given. */
    private static String padded(String host) {
        if (host.contains(":")) {
            return host;
        }
        String out = host;
        for (int parts = host.split("\\.", -1).length; parts < 4; parts++) {
            out += ".0";
        }
        return out;
    }

    /**
     * Whether {@code host} is written as an IP address (digits and dots, or an IPv6 form with
     * colons), so {@link InetAddress#getByName} takes it as it is and never asks DNS.
     */
    public static boolean isLiteral(String host) {
        return !host.isEmpty() && (host.contains(":") ? LITERAL_V6.matcher(host).matches() : LITERAL_V4.matcher(host).matches());
    }

    /** {@code host} as an address when it is a literal one ({@link #isLiteral}), else null (no lookup). */
    public static InetAddress literal(String host) {
        if (!isLiteral(host)) {
            return null;
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static final java.util.regex.Pattern LITERAL_V4 = java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final java.util.regex.Pattern LITERAL_V6 = java.util.regex.Pattern.compile("[0-9a-fA-F:.]+(%[0-9A-Za-z]+)?");

    /** Whether there are no networks (anyone is allowed). */
    public boolean isEmpty() {
        return networks.isEmpty();
    }

    /** Whether {@code address} is in one of the networks. */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Network n : networks) {
            if (n.contains(bytes)) {
                return true;
            }
        }
        return false;
    }
}
