package io.skitai.core.internal;

import io.skitai.core.Alias;
import io.skitai.core.Key;
import io.skitai.core.ServerContext;
import io.skitai.core.ServerStatus;
import io.skitai.core.SharedState;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The {@link ServerContext} of a running engine: its settings and services, and the owning
 * server's process-model operations through a {@link ServerControl}, and the cache file system
 * (opened here, with a {@code cachefs} status section, when it is on). Closes its services and
 * removes the status sections added through it when the engine stops.
 */
final class EngineServices implements ServerContext, AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.skitai.core");
    private static final Key<UpstreamClientImpl> UPSTREAM_CLIENT = Key.of("core.upstreamClient", UpstreamClientImpl.class);
    private static final Key<UpstreamClientImpl> FORWARD_CLIENT = Key.of("core.forwardClient", UpstreamClientImpl.class);

    private final Map<String, Alias> aliases;
    private final Duration backendKeepAlive;
    private final Map<io.skitai.core.Setting<?>, Object> settings;
    private final UpstreamTrust trust;
    private final Optional<SSLContext> upstreamSsl;
    private final ServerControl control;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final Map<String, Supplier<?>> sections = new ConcurrentHashMap<>();
    private final Map<Key<?>, Object> services = new ConcurrentHashMap<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private boolean closed;
    private volatile org.xnio.XnioWorker worker;
    private volatile io.undertow.connector.ByteBufferPool buffers;
    private final Optional<io.skitai.core.internal.cachefs.CachefsStore> cachefs;

    EngineServices(EngineConfig config, ServerControl control) {
        this.control = java.util.Objects.requireNonNull(control, "control");
        this.aliases = config.backends().aliases();
        this.backendKeepAlive = config.timeouts().backendKeepAlive();
        this.settings = config.settings();
        this.trust = config.backends().trust();
        this.upstreamSsl = trust.sslContext();
        this.json = config.json();
        this.cachefs = io.skitai.core.internal.cachefs.CachefsStore.open(setting(io.skitai.core.Cachefs.SETTING));
        cachefs.ifPresent(c -> addStatusSection("cachefs", c::stats));
    }

    @Override
    public Optional<io.skitai.core.SharedCache> cachefs() {
        return cachefs.map(io.skitai.core.SharedCache.class::cast);
    }

    @Override
    public com.fasterxml.jackson.databind.ObjectMapper json() {
        return json;
    }

    @Override
    public Map<String, Alias> aliases() {
        return aliases;
    }

    @Override
    public Duration backendKeepAlive() {
        return backendKeepAlive;
    }

    /** The worker and buffers the upstream client runs on, once the engine has bound. */
    void attach(org.xnio.XnioWorker worker, io.undertow.connector.ByteBufferPool buffers) {
        this.worker = worker;
        this.buffers = buffers;
    }

    /** Stops upstream calls while the worker still runs (before the engine stops it). */
    void stopUpstreamClient() {
        for (Key<UpstreamClientImpl> key : List.of(UPSTREAM_CLIENT, FORWARD_CLIENT)) {
            if (services.get(key) instanceof UpstreamClientImpl client) {
                client.close();
            }
        }
    }

    @Override
    public io.skitai.core.UpstreamClient upstreamClient() {
        return service(UPSTREAM_CLIENT, () -> {
            if (worker == null) {
                throw new IllegalStateException("the upstream client runs once the server listens");
            }
            return new UpstreamClientImpl(worker, buffers, trust.recordingTrustManager(), backendKeepAlive,
                    setting(io.skitai.core.UpstreamClient.MAX_CONNECTIONS), setting(io.skitai.core.UpstreamClient.MAX_WAITING),
                    setting(io.skitai.core.UpstreamClient.MAX_RESPONSE_BYTES), poolWatcher("http"));
        });
    }

    /**
     * The forward proxy's own client: pools per destination apart from the upstream client's, idle
     * connections kept for {@code keepAlive} (the proxy's channel keep-alive).
     */
    UpstreamClientImpl forwardClient(Duration keepAlive) {
        return service(FORWARD_CLIENT, () -> {
            if (worker == null) {
                throw new IllegalStateException("the forward proxy runs once the server listens");
            }
            return new UpstreamClientImpl(worker, buffers, trust.recordingTrustManager(), keepAlive,
                    setting(io.skitai.core.UpstreamClient.MAX_CONNECTIONS), setting(io.skitai.core.UpstreamClient.MAX_WAITING),
                    setting(io.skitai.core.UpstreamClient.MAX_RESPONSE_BYTES), poolWatcher("proxy"));
        });
    }

    /** The client's pools in the pool gauges tagged {@code kind} ({@link io.skitai.core.Metrics#watchPool}). */
    private UpstreamClientImpl.PoolWatcher poolWatcher(String kind) {
        io.skitai.core.Metrics metrics = setting(io.skitai.core.Metrics.SETTING);
        return (name, pool) -> metrics.watchPool(kind, name, pool::counts);
    }

    @Override
    public <T> T setting(io.skitai.core.Setting<T> setting) {
        Object v = settings.get(setting);
        return v == null ? setting.defaultValue() : setting.cast(v);
    }

    @Override
    public Optional<SSLContext> upstreamSslContext() {
        return upstreamSsl;
    }

    @Override
    public SharedState sharedState() {
        return control.sharedState();
    }

    @Override
    public io.skitai.core.WorkerChannel workerChannel() {
        return control.workerChannel();
    }

    @Override
    public ServerStatus status() {
        return control.status();
    }

    @Override
    public void restart() {
        control.restart();
    }

    @Override
    public void shutdown() {
        control.shutdown();
    }

    @Override
    public void shutdownServer() {
        control.shutdownServer();
    }

    @Override
    public ServerContext addStatusSection(String name, Supplier<?> section) {
        sections.put(name, section);
        control.addStatusSection(name, section);
        return this;
    }

    @Override
    public <T> T service(Key<T> key, Supplier<? extends T> factory) {
        Object existing = services.get(key);
        if (existing != null) {
            return key.cast(existing);
        }
        synchronized (closeables) {
            // Made under this lock (not inside computeIfAbsent) so a factory may itself ask for services.
            existing = services.get(key);
            if (existing != null) {
                return key.cast(existing);
            }
            if (closed) {
                throw new IllegalStateException("the server has stopped");
            }
            T made = factory.get();
            if (made instanceof AutoCloseable c) {
                closeables.add(c);
            }
            services.put(key, made);
            return made;
        }
    }

    @Override
    public void close() {
        sections.forEach(control::removeStatusSection);
        sections.clear();
        List<AutoCloseable> toClose;
        synchronized (closeables) {
            closed = true;
            toClose = new ArrayList<>(closeables);
            closeables.clear();
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "a server service failed to close cleanly", e);
            }
        }
        cachefs.ifPresent(io.skitai.core.internal.cachefs.CachefsStore::close);
    }

    @Override
    public String toString() {
        return "ServerContext(" + aliases.keySet() + ")";
    }
}
