package io.skitai.was.internal;

import io.skitai.was.Call;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Caller} for absolute URLs only: one target, no alias, no result cache. It serves
 * {@code was.grpc} until calls go through the request's own caller (aliases, lb/map, cache and
 * transaction ids), which takes the same {@link Transport}.
 */
public final class DirectCaller implements Caller<Call> {

    /** The one instance: it holds no state. */
    public static final DirectCaller INSTANCE = new DirectCaller();

    private DirectCaller() {}

    @Override
    public Call call(String url, String cacheKey, Transport transport) {
        if (url.startsWith("@")) {
            throw new IllegalArgumentException(GrpcMessages.grpcNoAliases(url));
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed upstream URL " + url + ": " + e.getMessage(), e);
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = Optional.of(parts[0]);
            password = parts.length > 1 ? Optional.of(parts[1]) : Optional.empty();
        }
        return SingleCall.of(transport.send(new Target(uri, user, password, Map.of())), null);
    }
}
