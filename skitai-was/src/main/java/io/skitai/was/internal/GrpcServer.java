package io.skitai.was.internal;

import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerServiceDefinition;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.skitai.core.SidecarContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A running gRPC server (grpc-netty-shaded) with its own event loops and a virtual thread per
 * call, built from {@link GrpcServerSettings} and the engine's {@link SidecarContext}.
 */
public final class GrpcServer {

    /** Rapid reset: more RST_STREAM frames than this per connection in the window end the connection (as the engine). */
    static final int MAX_RST_FRAMES = 200;
    static final int RST_WINDOW_SECONDS = 30;
    /** How long a forced stop waits for cancelled calls and the event loops. */
    private static final Duration FORCED_STOP_WAIT = Duration.ofSeconds(5);

    private final Server server;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ExecutorService calls;

    private GrpcServer(Server server, EventLoopGroup boss, EventLoopGroup workers, ExecutorService calls) {
        this.server = server;
        this.boss = boss;
        this.workers = workers;
        this.calls = calls;
    }

    /** Binds and starts; on failure releases what it took and throws. */
    public static GrpcServer start(int port, List<ServerServiceDefinition> services, GrpcServerSettings settings,
            SidecarContext context) throws IOException {
        InetSocketAddress address = new InetSocketAddress(context.address(), port);
        NettyServerBuilder builder = context.keyManagers()
                .map(km -> NettyServerBuilder.forAddress(address, tls(km.getKeyManagers())))
                .orElseGet(() -> NettyServerBuilder.forAddress(address));
        EventLoopGroup boss = GrpcEventLoops.create("skitai-grpc-server-accept", 1);
        EventLoopGroup workers = GrpcEventLoops.create("skitai-grpc-server-io", GrpcEventLoops.threads());
        ExecutorService calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("skitai-grpc-server-call-", 0).factory());
        int maxCalls = settings.maxConcurrentCalls() > 0 ? settings.maxConcurrentCalls() : context.maxConcurrentStreams();
        builder.channelType(NioServerSocketChannel.class)
                .bossEventLoopGroup(boss)
                .workerEventLoopGroup(workers)
                .executor(calls)
                .maxInboundMessageSize(settings.maxInboundMessageSize())
                .maxInboundMetadataSize(context.maxHeaderBytes())
                .maxConcurrentCallsPerConnection(maxCalls)
                .handshakeTimeout(context.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .maxConnectionIdle(settings.maxConnectionIdle().toMillis(), TimeUnit.MILLISECONDS)
                .keepAliveTime(settings.keepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
                .keepAliveTimeout(settings.keepAliveTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .permitKeepAliveTime(settings.permitKeepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
                .permitKeepAliveWithoutCalls(false)
                .maxRstFramesPerWindow(MAX_RST_FRAMES, RST_WINDOW_SECONDS);
        services.forEach(builder::addService);
        Server server = builder.build();
        GrpcServer running = new GrpcServer(server, boss, workers, calls);
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            running.stop(Duration.ZERO);
            throw e;
        }
        return running;
    }

    /** Server credentials with the engine's key managers (TLS 1.3/1.2, ALPN h2 as gRPC requires). */
    private static ServerCredentials tls(javax.net.ssl.KeyManager[] keyManagers) {
        return TlsServerCredentials.newBuilder().keyManager(keyManagers).build();
    }

    /** The bound port. */
    public int port() {
        return server.getPort();
    }

    /** Refuses new calls and closes the listening socket; calls in flight go on. */
    public void stopAccepting() {
        server.shutdown();
    }

    /** Waits at most {@code grace} for calls in flight, cancels the rest, releases the threads. */
    public void stop(Duration grace) {
        server.shutdown();
        try {
            if (grace.isZero() || !server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                server.shutdownNow();
            }
            // Interrupt the service methods still running, and let them finish writing their
            // (cancelled) answers before the event loops go.
            calls.shutdownNow();
            server.awaitTermination(FORCED_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            calls.awaitTermination(FORCED_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            server.shutdownNow();
            calls.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            GrpcEventLoops.shutdown(workers, FORCED_STOP_WAIT);
            GrpcEventLoops.shutdown(boss, FORCED_STOP_WAIT);
        }
    }
}
