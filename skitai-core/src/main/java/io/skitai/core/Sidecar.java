package io.skitai.core;

import java.io.IOException;
import java.time.Duration;

/**
 * A server of another protocol that runs beside the engine on a port of its own and lives as long
 * as the engine: skitai-was's {@code GrpcServing} (a gRPC server over HTTP/2) is one.
 *
 * <pre>{@code
 * Skitai.attach(GrpcServing.on(5001, new GreeterService()));
 * Skitai.run(Run.port(5000));
 * }</pre>
 *
 * <p>The engine calls {@link #start(SidecarContext)} once its own listeners are bound (so a busy
 * HTTP port is reported first), in the order the sidecars were attached. On a graceful stop it
 * closes its own listeners, calls {@link #stopAccepting()} on every sidecar, drains its requests,
 * then gives each sidecar what is left of the drain time in {@link #stop(Duration)}. When the engine
 * fails to start, the sidecars already started are stopped with no grace.
 */
public interface Sidecar {

    /** What it serves, for the log and error messages, e.g. {@code "gRPC"}. */
    String name();

    /** The port it is configured to listen on; 0 picks a free one. */
    int port();

    /**
     * Binds on {@link SidecarContext#address()} and starts serving; returns the bound port. An
     * {@link IOException} caused by a {@link java.net.BindException} is reported as a busy port,
     * naming this sidecar and its port.
     */
    int start(SidecarContext context) throws IOException;

    /** Takes no new connections or calls from now on; those in flight go on. Returns at once. */
    void stopAccepting();

    /**
     * Waits at most {@code grace} for the calls in flight, then closes what is left and releases
     * every thread and socket it holds. Called once per start; {@link Duration#ZERO} means at once.
     */
    void stop(Duration grace);
}
