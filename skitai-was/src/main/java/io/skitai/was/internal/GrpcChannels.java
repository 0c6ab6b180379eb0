package io.skitai.was.internal;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC channels of was calls, one per upstream (scheme, host, port), made on first use and
 * shared by every call to it; a channel multiplexes its calls over one HTTP/2 connection, which it
 * closes after {@code idle} without calls (the backend keep-alive) and opens again when needed.
 * All channels share two event-loop threads; replies are handed on on virtual threads, so no
 * thread waits for a call. {@link #close()} shuts everything down.
 */
public final class GrpcChannels implements AutoCloseable {

    /** The largest reply accepted (gRPC's default). */
    static final int MAX_INBOUND_MESSAGE_SIZE = 4 * 1024 * 1024;
    /** gRPC clamps a channel's idle timeout to at least this. */
    private static final Duration MIN_IDLE = Duration.ofSeconds(1);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final String name;
    private final Duration idle;
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
    private EventLoopGroup loops;
    private ExecutorService callbacks;
    private boolean closed;

    /**
     * A pool whose channels drop their connection after {@code idle} without calls; its threads
     * are named {@code name-N} (event loops) and {@code name-reply-N} (reply hand-over).
     */
    public GrpcChannels(String name, Duration idle) {
        this.name = name;
        this.idle = idle.compareTo(MIN_IDLE) < 0 ? MIN_IDLE : idle;
    }

    /**
     * The channel to the upstream of {@code uri} ({@code http}: plain HTTP/2; {@code https}: TLS).
     *
     * @throws IllegalArgumentException for another scheme or a URI without host
     * @throws IllegalStateException    after {@link #close()}
     */
    public ManagedChannel channel(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = switch (scheme) {
            case "http", "grpc" -> false;
            case "https", "grpcs" -> true;
            default -> throw new IllegalArgumentException(Messages.grpcScheme(uri));
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(Messages.grpcScheme(uri));
        }
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        String key = (tls ? "tls " : "plain ") + uri.getHost() + ":" + port;
        ManagedChannel existing = channels.get(key);
        if (existing != null) {
            return existing;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the gRPC channels are closed: the server has stopped");
            }
            return channels.computeIfAbsent(key, k -> open(uri.getHost(), port, tls));
        }
    }

    private ManagedChannel open(String host, int port, boolean tls) {
        if (loops == null) {
            loops = GrpcEventLoops.create(name, GrpcEventLoops.threads());
            callbacks = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-reply-", 0).factory());
        }
        NettyChannelBuilder builder = NettyChannelBuilder.forAddress(host, port)
                .eventLoopGroup(loops)
                .channelType(NioSocketChannel.class)
                .executor(callbacks)
                .idleTimeout(idle.toMillis(), TimeUnit.MILLISECONDS)
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_SIZE)
                .userAgent("skitai");
        if (tls) {
            builder.useTransportSecurity();
        } else {
            builder.usePlaintext();
        }
        return builder.build();
    }

    /** How many upstreams have a channel. */
    public int size() {
        return channels.size();
    }

    /** Cancels the calls in flight, closes every channel and releases the threads; idempotent. */
    @Override
    public void close() {
        List<ManagedChannel> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(channels.values());
            channels.clear();
        }
        open.forEach(ManagedChannel::shutdownNow);
        try {
            for (ManagedChannel channel : open) {
                channel.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (callbacks != null) {
            callbacks.shutdown();
            GrpcEventLoops.shutdown(loops, CLOSE_WAIT);
        }
    }

    @Override
    public String toString() {
        return "GrpcChannels(" + channels.keySet() + ")";
    }
}
