package io.skitai.was.internal;

import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Netty event loops for the gRPC client and server, with named daemon threads and shut down
 * explicitly, so nothing is left running after a stop (gRPC's own shared loops linger a while).
 */
public final class GrpcEventLoops {

    private GrpcEventLoops() {}

    /** An NIO event loop group of {@code threads} daemon threads named {@code name-N}. */
    public static EventLoopGroup create(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, name + "-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
        return new MultiThreadIoEventLoopGroup(threads, factory, NioIoHandler.newFactory());
    }

    /** Shuts a group down with no quiet period and waits at most {@code wait} (plus a second) for its threads. */
    public static void shutdown(EventLoopGroup group, Duration wait) {
        group.shutdownGracefully(0, wait.toMillis(), TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(wait.toMillis() + 1000);
    }

    /** Event-loop threads for a gRPC server or client: one per core, at most two (Undertow shares the cores). */
    public static int threads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }
}
