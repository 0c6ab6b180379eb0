package io.skitai.core.internal;

import io.skitai.core.Alias;
import io.skitai.core.Key;
import io.skitai.core.ServerContext;
import io.skitai.core.ServerStatus;
import io.skitai.core.SharedState;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The server of an app mounted by hand, outside a running server: it has no aliases, and every
 * operation that needs a running server fails with a message saying so.
 */
public final class DetachedServer implements ServerContext {

    /** The one instance. */
    public static final DetachedServer INSTANCE = new DetachedServer();

    private DetachedServer() {}

    private static IllegalStateException notRunning() {
        return new IllegalStateException(Messages.detachedMount());
    }

    @Override
    public Map<String, Alias> aliases() {
        return Map.of();
    }

    @Override
    public Duration backendKeepAlive() {
        throw notRunning();
    }

    @Override
    public Optional<javax.net.ssl.SSLContext> upstreamSslContext() {
        throw notRunning();
    }

    @Override
    public io.skitai.core.UpstreamClient upstreamClient() {
        throw notRunning();
    }

    @Override
    public <T> T setting(io.skitai.core.Setting<T> setting) {
        throw notRunning();
    }

    @Override
    public com.fasterxml.jackson.databind.ObjectMapper json() {
        throw notRunning();
    }

    @Override
    public SharedState sharedState() {
        throw notRunning();
    }

    @Override
    public io.skitai.core.WorkerChannel workerChannel() {
        throw notRunning();
    }

    @Override
    public ServerStatus status() {
        throw notRunning();
    }

    @Override
    public void restart() {
        throw notRunning();
    }

    @Override
    public void shutdown() {
        throw notRunning();
    }

    @Override
    public void shutdownServer() {
        throw notRunning();
    }

    @Override
    public ServerContext addStatusSection(String name, Supplier<?> section) {
        throw notRunning();
    }

    @Override
    public <T> T service(Key<T> key, Supplier<? extends T> factory) {
        throw notRunning();
    }

    @Override
    public String toString() {
        return "DetachedServer";
    }
}
