package io.skitai.core;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the running server offers the code serving its requests beyond the request itself
 * ({@link Exchange#server()}, the one way from a request to its server): its aliases, its settings
 * for upstream calls, services that live as long as the engine (the was module keeps its HTTP
 * client and result cache here), and the process model: shared state, status, restart, shutdown.
 */
public interface ServerContext {

    /** The aliases defined before the server started, by name (with the leading {@code @}). */
    Map<String, Alias> aliases();

    /** The alias called {@code name} ({@code "@members"} or {@code "members"}), if defined. */
    default Optional<Alias> alias(String name) {
        return Optional.ofNullable(aliases().get(name.startsWith("@") ? name : "@" + name));
    }

    /** How long idle upstream connections are kept ({@link SkitaiServer#setBackendKeepAlive(Duration)}). */
    Duration backendKeepAlive();

    /**
     * The SSL context of HTTPS upstream calls when {@link SkitaiServer#setUpstreamTrust(java.nio.file.Path...)}
     * or {@link SkitaiServer#setUpstreamTrustOnly(java.nio.file.Path...)} gave certificates to trust;
     * empty: the JDK's default (its trusted CAs).
     */
    Optional<javax.net.ssl.SSLContext> upstreamSslContext();

    /**
     * The server's non-blocking HTTP client for upstream calls, on the server's IO threads, made on
     * first use and closed when the server stops (was calls and the proxy go through it).
     */
    UpstreamClient upstreamClient();

    /** The cache file system ({@link ServerBuilder#enableCachefs}), when it is on. */
    default Optional<SharedCache> cachefs() {
        return Optional.empty();
    }

    /** The value of a module's {@link Setting} in this server's configuration (its default when unset). */
    <T> T setting(Setting<T> setting);

    /** The server's JSON mapper ({@link ServerBuilder#setJsonMapper}): {@link Exchange#json}, Atila and was use it. */
    com.fasterxml.jackson.databind.ObjectMapper json();

    /** The state shared by every worker process of the server ({@link SkitaiServer#sharedState()}). */
    SharedState sharedState();

    /** Messages to this server's other worker processes (see {@link WorkerChannel}). */
    WorkerChannel workerChannel();

    /** The server's processes, uptime, connections, requests and added sections ({@link SkitaiServer#status()}). */
    ServerStatus status();

    /**
     * Restarts this worker: the master starts a fresh one, then this one drains and exits. In a
     * single process the engine restarts in place ({@link SkitaiServer#restart()}).
     */
    void restart();

    /**
     * Stops this worker after its current requests (Python's {@code was.shutdown()}: with several
     * workers it applies to the current worker only); the master replaces it. In a single process
     * it stops the server, like {@link #shutdownServer()}.
     */
    void shutdown();

    /**
     * Stops the whole server after the current requests: every worker drains and exits, then the
     * master ({@link SkitaiServer#shutdown()}).
     */
    void shutdownServer();

    /**
     * Adds a named section to {@link #status()}, computed on each call, for as long as this engine
     * runs: it is removed when the engine stops (a restart starts without it until added again).
     */
    ServerContext addStatusSection(String name, Supplier<?> section);

    /**
     * The server's one instance of a service, made by {@code factory} on first use. Services that
     * are {@link AutoCloseable} are closed when the server stops, the last made first.
     */
    <T> T service(Key<T> key, Supplier<? extends T> factory);
}
