package io.skitai.was;

import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.skitai.core.Sidecar;
import io.skitai.core.SidecarContext;
import io.skitai.was.internal.GrpcRequired;
import io.skitai.was.internal.GrpcServer;
import io.skitai.was.internal.GrpcServerSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves gRPC services on a port of their own beside the engine, over HTTP/2 (grpc-netty-shaded),
 * started and stopped with the engine:
 *
 * <pre>{@code
 * Skitai.mount("/", new MyApp());
 * Skitai.attach(GrpcServing.on(5001, new GreeterService()));
 * Skitai.run(Run.port(5000));
 * }</pre>
 *
 * <p>It listens on the engine's address. When the engine serves TLS ({@code enableSsl}), so does
 * this server, with the same certificate and key (HTTP/2 by ALPN). Service methods run on virtual
 * threads. A graceful stop refuses new calls at once and lets the calls in flight finish within
 * the engine's drain time (30 s), then cancels the rest.
 *
 * <p>Limits, in the spirit of the engine's own: inbound messages up to 4 MiB (gRPC's default),
 * metadata up to the engine's header limit (32 KiB), concurrent calls per connection up to the
 * engine's HTTP/2 stream limit (100), the TLS handshake within the engine's header timeout (10 s),
 * rapid-reset floods cut off (200 resets in 30 s), connections idle for 5 minutes closed, a ping
 * after 2 minutes of silence (20 s to answer), and clients that ping more often than once a minute
 * refused. Each is changeable here before the engine starts.
 *
 * <p>gRPC is an optional dependency of skitai-was: add {@code io.grpc:grpc-netty-shaded},
 * {@code grpc-stub} and {@code grpc-protobuf}.
 */
public final class GrpcServing implements Sidecar {

    /** gRPC's own default for the largest inbound message. */
    public static final int DEFAULT_MAX_INBOUND_MESSAGE_SIZE = 4 * 1024 * 1024;

    private final int port;
    private final List<ServerServiceDefinition> services = new ArrayList<>();
    private GrpcServerSettings settings = GrpcServerSettings.DEFAULTS;
    private volatile GrpcServer running;

    private GrpcServing(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a gRPC port is 0..65535, got " + port);
        }
        this.port = port;
    }

    /** Serves these services on {@code port} (0 picks a free one: see {@link #boundPort()}). */
    public static GrpcServing on(int port, BindableService... services) {
        GrpcRequired.require("GrpcServing");
        GrpcServing serving = new GrpcServing(port);
        serving.add(services);
        return serving;
    }

    /** Adds services. */
    public GrpcServing add(BindableService... services) {
        for (BindableService service : services) {
            if (service == null) {
                throw new IllegalArgumentException("GrpcServing.add: a service is null");
            }
            add(service.bindService());
        }
        return this;
    }

    /** Adds a service definition (e.g. one wrapped with interceptors by {@code ServerInterceptors.intercept}). */
    public GrpcServing add(ServerServiceDefinition definition) {
        requireNotStarted();
        String name = definition.getServiceDescriptor().getName();
        if (services.stream().anyMatch(s -> s.getServiceDescriptor().getName().equals(name))) {
            throw new IllegalArgumentException("gRPC service " + name + " is added twice");
        }
        services.add(definition);
        return this;
    }

    /** The largest inbound message accepted (default 4 MiB); larger ones fail the call with RESOURCE_EXHAUSTED. */
    public GrpcServing maxInboundMessageSize(int bytes) {
        requireNotStarted();
        settings = settings.withMaxInboundMessageSize(bytes);
        return this;
    }

    /** Concurrent calls per connection (default: the engine's HTTP/2 stream limit, 100). */
    public GrpcServing maxConcurrentCallsPerConnection(int calls) {
        requireNotStarted();
        settings = settings.withMaxConcurrentCalls(calls);
        return this;
    }

    /** How long a connection without calls is kept before it is closed (default 5 minutes). */
    public GrpcServing maxConnectionIdle(Duration idle) {
        requireNotStarted();
        settings = settings.withMaxConnectionIdle(idle);
        return this;
    }

    /**
     * The server pings a client after {@code time} without traffic and closes the connection when
     * no answer comes within {@code timeout} (defaults 2 minutes and 20 s).
     */
    public GrpcServing keepAlive(Duration time, Duration timeout) {
        requireNotStarted();
        settings = settings.withKeepAlive(time, timeout);
        return this;
    }

    /** The most often a client may ping (default once a minute); more often ends the connection. */
    public GrpcServing permitKeepAliveTime(Duration time) {
        requireNotStarted();
        settings = settings.withPermitKeepAliveTime(time);
        return this;
    }

    /** The names of the services served, e.g. {@code helloworld.Greeter}. */
    public List<String> serviceNames() {
        return services.stream().map(s -> s.getServiceDescriptor().getName()).toList();
    }

    /**
     * The port it listens on.
     *
     * @throws IllegalStateException when the engine has not started it
     */
    public int boundPort() {
        GrpcServer server = running;
        if (server == null) {
            throw new IllegalStateException("the gRPC server is not running: attach it (Skitai.attach) and start the engine");
        }
        return server.port();
    }

    // ---- Sidecar --------------------------------------------------------------------------

    /** {@code "gRPC"}. */
    @Override
    public String name() {
        return "gRPC";
    }

    /** The port asked for (0: any free one). */
    @Override
    public int port() {
        return port;
    }

    /** Called by the engine. */
    @Override
    public synchronized int start(SidecarContext context) throws IOException {
        requireNotStarted();
        if (services.isEmpty()) {
            throw new IllegalStateException("GrpcServing on port " + port + " has no services: pass them to GrpcServing.on");
        }
        running = GrpcServer.start(port, List.copyOf(services), settings, context);
        return running.port();
    }

    /** Called by the engine: new calls are refused from now on. */
    @Override
    public void stopAccepting() {
        GrpcServer server = running;
        if (server != null) {
            server.stopAccepting();
        }
    }

    /** Called by the engine: waits at most {@code grace} for the calls in flight, then cancels them. */
    @Override
    public synchronized void stop(Duration grace) {
        GrpcServer server = running;
        running = null;
        if (server != null) {
            server.stop(grace);
        }
    }

    @Override
    public String toString() {
        return "GrpcServing(port " + port + ", " + serviceNames() + ")";
    }

    private void requireNotStarted() {
        if (running != null) {
            throw new IllegalStateException("the gRPC server is running: configure it before the engine starts");
        }
    }
}
