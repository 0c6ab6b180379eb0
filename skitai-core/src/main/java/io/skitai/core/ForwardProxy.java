package io.skitai.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The forward proxy's settings ({@link ServerBuilder#enableProxy(ForwardProxy)}, Python's
 * {@code skitai.enable_proxy()}): with it on, requests in absolute form
 * ({@code GET http://host/path}) are forwarded and {@code CONNECT host:443} opens a tunnel.
 *
 * <p>It is never an open relay to the server's own networks: a destination's name is resolved
 * first and every address it resolves to is checked; loopback, private (10/8, 172.16/12,
 * 192.168/16, fc00::/7), link-local (169.254/16 with the cloud metadata address, fe80::/10),
 * carrier-grade NAT, unspecified, multicast and broadcast addresses are refused with 403 unless
 * {@linkplain Builder#allowNetworks allowed}, and the connection goes to the checked address (no
 * second lookup a DNS answer could change). Tunnels go only to the {@linkplain Builder#connectPorts
 * CONNECT ports} (443), forwarded requests only to the {@linkplain Builder#httpPorts HTTP ports}
 * (80); an {@linkplain Builder#allowHosts allow-list} and {@linkplain Builder#credentials proxy
 * authentication} narrow it further.
 */
public final class ForwardProxy {

    /** No forward proxy (the default): absolute-form requests are served as ordinary ones, CONNECT is refused. */
    public static final ForwardProxy OFF = new Builder().build(false);

    /** Where the server's configuration keeps it. */
    public static final Setting<ForwardProxy> SETTING = Setting.of("core.forwardProxy", ForwardProxy.class, OFF);

    /** Resolves a destination's name (the JDK's resolver by default). */
    @FunctionalInterface
    public interface HostResolver {
        /** Every address {@code host} resolves to. */
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean enabled;
    private final Duration channelKeepAlive;
    private final Duration tunnelKeepAlive;
    private final List<String> allowHosts;
    private final Set<Integer> connectPorts;
    private final Set<Integer> httpPorts;
    private final List<String> allowNetworks;
    private final Optional<String> credentials;
    private final HostResolver resolver;

    private ForwardProxy(Builder b, boolean enabled) {
        this.enabled = enabled;
        this.channelKeepAlive = b.channelKeepAlive;
        this.tunnelKeepAlive = b.tunnelKeepAlive;
        this.allowHosts = List.copyOf(b.allowHosts);
        this.connectPorts = Set.copyOf(b.connectPorts);
        this.httpPorts = Set.copyOf(b.httpPorts);
        this.allowNetworks = List.copyOf(b.allowNetworks);
        this.credentials = Optional.ofNullable(b.credentials);
        this.resolver = b.resolver;
    }

    /** Python's {@code enable_proxy()}: on, with the defaults. */
    public static ForwardProxy defaults() {
        return builder().build();
    }

    /** A builder for the other settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** This proxy with other keep-alives (Python's {@code set_proxy_keep_alive(channel, tunnel)}). */
    public ForwardProxy withKeepAlive(Duration channel, Duration tunnel) {
        Builder b = toBuilder();
        b.keepAlive(channel, tunnel);
        return b.build(enabled);
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.channelKeepAlive = channelKeepAlive;
        b.tunnelKeepAlive = tunnelKeepAlive;
        b.allowHosts.addAll(allowHosts);
        b.connectPorts.clear();
        b.connectPorts.addAll(connectPorts);
        b.httpPorts.clear();
        b.httpPorts.addAll(httpPorts);
        b.allowNetworks.addAll(allowNetworks);
        b.credentials = credentials.orElse(null);
        b.resolver = resolver;
        return b;
    }

    /** Whether the proxy is on. */
    public boolean enabled() {
        return enabled;
    }

    /** How long an idle connection to a destination is kept for the next forwarded request (60 s). */
    public Duration channelKeepAlive() {
        return channelKeepAlive;
    }

    /** How long a tunnel may carry nothing before it is closed (600 s). */
    public Duration tunnelKeepAlive() {
        return tunnelKeepAlive;
    }

    /** The destinations allowed ({@code host} or {@code *.domain}); empty: any public one. */
    public List<String> allowHosts() {
        return allowHosts;
    }

    /** The ports CONNECT may reach. */
    public Set<Integer> connectPorts() {
        return connectPorts;
    }

    /** The ports forwarded requests may reach. */
    public Set<Integer> httpPorts() {
        return httpPorts;
    }

    /** Networks allowed although they are loopback, private or link-local (CIDR). */
    public List<String> allowNetworks() {
        return allowNetworks;
    }

    /** {@code user:password} clients must give in {@code Proxy-Authorization: Basic}, if any. */
    public Optional<String> credentials() {
        return credentials;
    }

    /** How destination names are resolved. */
    public HostResolver resolver() {
        return resolver;
    }

    /** Never shows the credentials. */
    @Override
    public String toString() {
        return enabled ? "ForwardProxy[CONNECT " + connectPorts + ", http " + httpPorts + (allowHosts.isEmpty() ? "" : ", hosts " + allowHosts)
                + (credentials.isPresent() ? ", authenticated" : "") + "]" : "ForwardProxy[off]";
    }

    /** Collects a forward proxy's settings. */
    public static final class Builder {

        private Duration channelKeepAlive = Duration.ofSeconds(60);
        private Duration tunnelKeepAlive = Duration.ofSeconds(600);
        private final List<String> allowHosts = new ArrayList<>();
        private final Set<Integer> connectPorts = new TreeSet<>(List.of(443));
        private final Set<Integer> httpPorts = new TreeSet<>(List.of(80));
        private final List<String> allowNetworks = new ArrayList<>();
        private String credentials;
        private HostResolver resolver = InetAddress::getAllByName;

        private Builder() {}

        /** Idle keep-alive of destination connections ({@code channel}, 60 s) and of tunnels ({@code tunnel}, 600 s). */
        public Builder keepAlive(Duration channel, Duration tunnel) {
            if (channel == null || tunnel == null || !channel.isPositive() || !tunnel.isPositive()) {
                throw new IllegalArgumentException("proxy keep-alives must be positive, not " + channel + " and " + tunnel);
            }
            this.channelKeepAlive = channel;
            this.tunnelKeepAlive = tunnel;
            return this;
        }

        /** Only these destinations: exact host names or {@code *.example.com} for a domain's hosts. */
        public Builder allowHosts(String... hosts) {
            allowHosts.addAll(List.of(hosts));
            return this;
        }

        /** The ports CONNECT may reach (instead of 443). */
        public Builder connectPorts(Integer... ports) {
            connectPorts.clear();
            connectPorts.addAll(List.of(ports));
            return this;
        }

        /** The ports forwarded requests may reach (instead of 80). */
        public Builder httpPorts(Integer... ports) {
            httpPorts.clear();
            httpPorts.addAll(List.of(ports));
            return this;
        }

        /** Allows destinations in these networks (CIDR) although they are loopback, private or link-local. */
        public Builder allowNetworks(String... networks) {
            allowNetworks.addAll(List.of(networks));
            return this;
        }

        /** Requires {@code Proxy-Authorization: Basic} with this user and password (else 407). */
        public Builder credentials(String user, String password) {
            if (user == null || user.isEmpty() || user.contains(":") || password == null || password.isEmpty()) {
                throw new IllegalArgumentException("proxy credentials need a user without ':' and a password");
            }
            this.credentials = user + ":" + password;
            return this;
        }

        /** Resolves destination names with {@code resolver} (e.g. a DNS client of your own). */
        public Builder resolver(HostResolver resolver) {
            this.resolver = java.util.Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** The proxy, on. */
        public ForwardProxy build() {
            return build(true);
        }

        private ForwardProxy build(boolean enabled) {
            return new ForwardProxy(this, enabled);
        }
    }
}
