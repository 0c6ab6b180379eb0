package io.skitai.was.internal;

import java.time.Duration;

/**
 * The limits of a gRPC server beside the engine ({@code GrpcServing}); see its Javadoc for what
 * each means. {@code maxConcurrentCalls} 0 takes the engine's HTTP/2 stream limit.
 */
public record GrpcServerSettings(int maxInboundMessageSize, int maxConcurrentCalls, Duration maxConnectionIdle,
        Duration keepAliveTime, Duration keepAliveTimeout, Duration permitKeepAliveTime) {

    /** 4 MiB messages, the engine's stream limit, 5 min idle, ping after 2 min (20 s to answer), pings at most once a minute. */
    public static final GrpcServerSettings DEFAULTS = new GrpcServerSettings(4 * 1024 * 1024, 0,
            Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofSeconds(20), Duration.ofMinutes(1));

    /** Checks every value. */
    public GrpcServerSettings {
        if (maxInboundMessageSize <= 0) {
            throw new IllegalArgumentException("maxInboundMessageSize must be positive, got " + maxInboundMessageSize);
        }
        if (maxConcurrentCalls < 0) {
            throw new IllegalArgumentException("maxConcurrentCallsPerConnection must be positive, got " + maxConcurrentCalls);
        }
        for (Duration d : new Duration[] {maxConnectionIdle, keepAliveTime, keepAliveTimeout, permitKeepAliveTime}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("gRPC server times must be positive, got " + d);
            }
        }
    }

    public GrpcServerSettings withMaxInboundMessageSize(int bytes) {
        return new GrpcServerSettings(bytes, maxConcurrentCalls, maxConnectionIdle, keepAliveTime, keepAliveTimeout,
                permitKeepAliveTime);
    }

    public GrpcServerSettings withMaxConcurrentCalls(int calls) {
        if (calls <= 0) {
            throw new IllegalArgumentException("maxConcurrentCallsPerConnection must be positive, got " + calls);
        }
        return new GrpcServerSettings(maxInboundMessageSize, calls, maxConnectionIdle, keepAliveTime, keepAliveTimeout,
                permitKeepAliveTime);
    }

    public GrpcServerSettings withMaxConnectionIdle(Duration idle) {
        return new GrpcServerSettings(maxInboundMessageSize, maxConcurrentCalls, idle, keepAliveTime, keepAliveTimeout,
                permitKeepAliveTime);
    }

    public GrpcServerSettings withKeepAlive(Duration time, Duration timeout) {
        return new GrpcServerSettings(maxInboundMessageSize, maxConcurrentCalls, maxConnectionIdle, time, timeout,
                permitKeepAliveTime);
    }

    public GrpcServerSettings withPermitKeepAliveTime(Duration time) {
        return new GrpcServerSettings(maxInboundMessageSize, maxConcurrentCalls, maxConnectionIdle, keepAliveTime,
                keepAliveTimeout, time);
    }
}
