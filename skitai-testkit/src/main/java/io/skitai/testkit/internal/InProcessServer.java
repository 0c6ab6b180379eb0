package io.skitai.testkit.internal;

import io.skitai.core.Run;
import io.skitai.core.SkitaiServer;
import java.util.Optional;

/** A {@link SkitaiServer} running in this JVM; the one start/stop path of TestKit and @SkitaiTest. */
public final class InProcessServer implements RunningServer {

    private final SkitaiServer server;
    private final String host;

    private InProcessServer(SkitaiServer server, String host) {
        this.server = server;
        this.host = host;
    }

    /**
     * Starts the server with {@code run} (a server that is already running is taken as it is) and
     * returns once it listens. A wildcard bind address is reached through 127.0.0.1.
     */
    public static InProcessServer start(SkitaiServer server, Run run) {
        if (!server.isRunning()) {
            server.start(run);
        }
        return new InProcessServer(server, connectable(server.address()));
    }

    static String connectable(String address) {
        return switch (address) {
            case "0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0" -> FreePorts.LOOPBACK;
            case "localhost" -> FreePorts.LOOPBACK;
            default -> address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
        };
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public Optional<SkitaiServer> server() {
        return Optional.of(server);
    }

    @Override
    public String describe() {
        return "serves a @TestServer SkitaiServer in this JVM";
    }

    @Override
    public void close() {
        server.stop();
    }

    @Override
    public String toString() {
        return "in-process server on " + host + ":" + (server.isRunning() ? server.port() : "(stopped)");
    }
}
