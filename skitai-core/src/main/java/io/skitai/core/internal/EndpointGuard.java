package io.skitai.core.internal;

import io.skitai.core.Exchange;
import io.skitai.core.HttpError;
import io.skitai.core.TrustedProxies;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * The door of a read-only monitoring endpoint (the Prometheus scrape, the status dashboard): only
 * {@code GET} and {@code HEAD} (405 otherwise), and only from clients in the networks it allows
 * (403 otherwise), the client found as {@link TrustedProxies} says. The networks are parsed once,
 * when it is made.
 */
public final class EndpointGuard {

    /** Loopback clients only: what a monitoring endpoint allows unless told otherwise. */
    public static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1");

    private final String what;
    private final List<String> allowed;
    private final Networks networks;

    private EndpointGuard(String what, List<String> allowed) {
        this.what = what;
        this.allowed = List.copyOf(allowed);
        this.networks = Networks.of(this.allowed);
    }

    /**
     * The guard of {@code what} (named in refusals, e.g. {@code "the metrics endpoint"}), open to
     * {@code cidrs}.
     *
     * @throws IllegalArgumentException naming an entry that is not a literal address or network
     */
    public static EndpointGuard of(String what, List<String> cidrs) {
        return new EndpointGuard(what, cidrs);
    }

    /** The networks it lets in, as given. */
    public List<String> allowed() {
        return allowed;
    }

    /** Returns when {@code exchange} may be answered; throws the 405 or 403 otherwise. */
    public void check(Exchange exchange) {
        String method = exchange.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new HttpError(405, what + " answers GET", Map.of("Allow", "GET, HEAD"), null);
        }
        InetAddress client = exchange.server().setting(TrustedProxies.SETTING).clientOf(exchange);
        if (client == null || !networks.contains(client)) {
            throw new HttpError(403, what + " is not open to " + (client == null ? "this client" : client.getHostAddress()));
        }
    }

    @Override
    public String toString() {
        return "EndpointGuard(" + what + ", GET/HEAD from " + allowed + ")";
    }
}
