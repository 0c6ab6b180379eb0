package io.skitai.core;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the running server offers the code serving its requests beyond the request itself
 * ({@link Exchange#server()}): its aliases, its settings for upstream calls, and services that live
 * as long as the server (the was module keeps its HTTP client and result cache here).
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

    /** How many results the upstream result cache holds ({@link SkitaiServer#setMaxRcache(int)}; 0: off). */
    int maxRcache();

    /**
     * The server's one instance of a service, made by {@code factory} on first use. Services that
     * are {@link AutoCloseable} are closed when the server stops, the last made first.
     */
    <T> T service(Key<T> key, Supplier<? extends T> factory);
}
