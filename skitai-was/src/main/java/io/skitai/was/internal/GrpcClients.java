package io.skitai.was.internal;

import io.skitai.was.Call;
import io.skitai.was.GrpcStub;
import java.time.Duration;

/**
 * Where {@code was.grpc} gets its channels: one pool for the process, whose channels drop their
 * connections after the default backend keep-alive (10 s) without calls.
 */
public final class GrpcClients {

    /** The default of {@code setBackendKeepAlive}. */
    private static final Duration IDLE = Duration.ofSeconds(10);

    private GrpcClients() {}

    private static final class Shared {
        static final GrpcChannels CHANNELS = new GrpcChannels("skitai-grpc-client", IDLE);
    }

    /** The stub of {@code url} on the shared channels. */
    public static GrpcStub<Call> stub(String url) {
        return GrpcEndpoint.of(DirectCaller.INSTANCE, Shared.CHANNELS, url);
    }
}
