package io.skitai.testkit.internal;

import java.time.Duration;

/** A server the user runs (dry mode): targeted, never started or stopped. */
public final class ExternalServer implements RunningServer {

    private final String host;
    private final int port;

    private ExternalServer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Targets host:port after checking that something accepts connections there. */
    public static ExternalServer attach(String host, int port) {
        if (!FreePorts.accepts(host, port, Duration.ofSeconds(2))) {
            throw new IllegalStateException(Messages.dryNothingListening(host, port));
        }
        return new ExternalServer(host, port);
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String describe() {
        return "is dry (targets a server you run on " + host + ":" + port + ")";
    }

    @Override
    public void close() {
        // Not ours to stop.
    }

    @Override
    public String toString() {
        return "external server on " + host + ":" + port + " (dry)";
    }
}
