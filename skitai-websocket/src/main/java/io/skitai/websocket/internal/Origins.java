package io.skitai.websocket.internal;

import io.skitai.core.Exchange;
import io.skitai.core.HttpError;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses browser handshakes from other sites (cross-site websocket hijacking: a page elsewhere
 * opening a websocket that carries this site's cookies). A browser always sends {@code Origin};
 * it must name the request's own host, or one of the route's allowed origins.
 */
public final class Origins {

    private Origins() {}

    /** Throws a 403 unless {@code exchange}'s {@code Origin} is absent, its own host, or allowed. */
    public static void check(Exchange exchange, List<String> allowed) {
        Optional<String> origin = exchange.header("Origin");
        if (origin.isEmpty() || allowed.contains("*")) {
            return;
        }
        String o = origin.get().strip().toLowerCase(Locale.ROOT);
        if (allowed.contains(o) || sameHost(o, exchange.header("Host").orElse(""))) {
            return;
        }
        throw new HttpError(403, "websocket handshake refused: Origin " + origin.get()
                + " is neither this site nor an allowed origin (WsConfig.allowOrigins)");
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            String h = host.strip().toLowerCase(Locale.ROOT);
            return authority.equals(h) || (uri.getPort() < 0 && defaultPortOf(h, uri.getScheme()).equals(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false; // "null" (a sandboxed page) or garbage
        }
    }

    /** {@code host} without the scheme's default port ({@code example.com:443} over https is {@code example.com}). */
    private static String defaultPortOf(String host, String scheme) {
        String port = "https".equals(scheme) || "wss".equals(scheme) ? ":443" : ":80";
        return host.endsWith(port) ? host.substring(0, host.length() - port.length()) : host;
    }
}
