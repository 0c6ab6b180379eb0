package io.skitai.was;

import io.skitai.was.internal.Caller;
import io.skitai.was.internal.SingleCall;
import io.skitai.was.internal.Target;
import io.skitai.was.internal.Transport;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The simplest {@link Caller}: one absolute URL, its user info as credentials, no alias, cache or
 * transaction ids; lets the gRPC transport be tested without a running Skitai server.
 */
final class UrlCaller implements Caller<Call> {

    static final UrlCaller INSTANCE = new UrlCaller();

    @Override
    public Call call(String url, io.skitai.was.internal.CacheKey cacheKey, Transport transport) {
        URI uri = URI.create(url);
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
