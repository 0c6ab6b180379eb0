package io.skitai.was.internal;

import io.skitai.core.Key;
import io.skitai.core.ServerContext;

/**
 * The gRPC channels of one server's was calls: made on its first gRPC call, their connections
 * dropped after the server's backend keep-alive without calls, closed when the server stops.
 */
public final class GrpcClients {

    /** The key of the server's channels. */
    static final Key<GrpcChannels> KEY = Key.of("was.grpc.channels", GrpcChannels.class);

    private GrpcClients() {}

    /** The channels of {@code server}. */
    public static GrpcChannels of(ServerContext server) {
        return server.service(KEY, () -> new GrpcChannels("skitai-grpc-client", server.backendKeepAlive()));
    }
}
