package io.skitai.was.internal;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * One resolved upstream request for a {@link Transport}: the absolute URI (an alias member's
 * scheme, host and port with the call's path and query), the member's credentials, and the
 * headers every call carries (the transaction ids {@code X-Gtxid}/{@code X-Ltxid}; gRPC sends
 * them as metadata).
 *
 * @param uri      where to send
 * @param user     the user of the alias member, if it has one
 * @param password its password, if it has one
 * @param headers  headers to send with the request
 * @param alias    the alias of the member ({@code @name}), empty for an absolute URL (database
 *                 engines name their pools by it)
 */
public record Target(URI uri, Optional<String> user, Optional<String> password, Map<String, String> headers,
        Optional<String> alias) {

    /** Freezes the headers. */
    public Target {
        headers = Map.copyOf(headers);
    }

    /** A target of no alias. */
    public Target(URI uri, Optional<String> user, Optional<String> password, Map<String, String> headers) {
        this(uri, user, password, headers, Optional.empty());
    }

    /**
     * How the pool gauges name the member's pool: {@code alias/host:port/db} (never the
     * credentials), or {@code alias/file} for SQLite.
     */
    String poolName() {
        String member = uri.getHost() == null ? uri.getSchemeSpecificPart() : uri.getHost() + ":" + uri.getPort() + uri.getPath();
        return alias.orElse("-") + "/" + member;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "Target[" + uri + (user.isPresent() ? " as " + user.get() : "") + alias.map(a -> " of " + a).orElse("") + "]";
    }
}
