package io.skitai.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skitai.core.internal.EngineConfig;
import io.skitai.core.internal.Messages;
import io.skitai.core.internal.UpstreamTrust;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects a server's mounts and settings; {@link #build()} freezes them into a {@link ServerConfig}
 * that a {@link SkitaiServer} runs with (and restarts with) unchanged. Once built, every setter
 * (and the mounts' and prefs' own) throws an {@link IllegalStateException} naming it: a setting
 * cannot change under a running server.
 *
 * <pre>{@code
 * SkitaiServer server = SkitaiServer.create(config -> {
 *     config.setKeepAlive(10);
 *     config.alias("@api", Proto.HTTP, "127.0.0.1:5001");
 *     config.mount("/", exchange -> exchange.send("Hello"));
 * });
 * }</pre>
 *
 * <p>The names are the Python original's, camel-cased; {@link Skitai}'s static facade has the same
 * options over a default builder.
 */
public final class ServerBuilder extends MountTable {

    private final Pref pref = Pref.create();
    private final Map<String, Long> maxAges = new LinkedHashMap<>();
    private final List<String> logOff = new ArrayList<>();
    private final List<Sidecar> sidecars = new ArrayList<>();
    private final List<Filter> filters = new ArrayList<>();
    private ObjectMapper json;
    private final Map<String, Alias> aliases = new LinkedHashMap<>();
    private EngineConfig.Timeouts timeouts = EngineConfig.Timeouts.DEFAULTS;
    private EngineConfig.Limits limits = EngineConfig.Limits.DEFAULTS;
    private EngineConfig.Tls tls;
    private EngineConfig.Forward forward;
    private Path logDirectory;
    private final Map<Setting<?>, Object> settings = new LinkedHashMap<>();
    private UpstreamTrust upstreamTrust = UpstreamTrust.JDK;
    private final ProcessOptions processes = new ProcessOptions(this::open);
    private ServerConfig built;

    private ServerBuilder() {}

    /** A new builder with the defaults. */
    public static ServerBuilder create() {
        return new ServerBuilder();
    }

    /**
     * Freezes what was set into the immutable configuration (the same one on every further call).
     * The builder, its mounts and its prefs refuse changes from now on.
     */
    public synchronized ServerConfig build() {
        if (built == null) {
            mounts().forEach(Mount::freeze);
            pref.freeze();
            built = new ServerConfig(List.copyOf(mounts()), pref, Map.copyOf(maxAges), timeouts, limits,
                    Optional.ofNullable(tls), Optional.ofNullable(forward), List.copyOf(logOff),
                    Optional.ofNullable(logDirectory), processes.runDirectory(), Map.copyOf(aliases),
                    Map.copyOf(settings), upstreamTrust, processes.settings(), List.copyOf(sidecars), List.copyOf(filters),
                    json != null ? json : Json.newMapper());
        }
        return built;
    }

    /** Whether {@link #build()} has frozen this builder. */
    public boolean isFrozen() {
        return built != null;
    }

    @Override
    synchronized void open(String setting) {
        if (built != null) {
            throw new IllegalStateException(Messages.frozenSetting(setting));
        }
    }

    /**
     * Wraps every mount's handler (or app) in {@code filter}, outside the mounts' own filters; the
     * first added runs outermost (see {@link Filter}).
     */
    public ServerBuilder filter(Filter filter) {
        open("filter");
        if (filter == null) {
            throw new IllegalArgumentException("filter(null): pass a Filter");
        }
        filters.add(filter);
        return this;
    }

    /**
     * The JSON mapper of this server (default: {@link Json#newMapper()}, a mapper of its own with
     * ISO-8601 dates): {@code Exchange.json}, Atila's JSON parameters and results and was's JSON
     * bodies use it. Servers in one JVM keep their mappers apart.
     */
    public ServerBuilder setJsonMapper(ObjectMapper mapper) {
        open("setJsonMapper");
        if (mapper == null) {
            throw new IllegalArgumentException("setJsonMapper(null): pass an ObjectMapper");
        }
        json = mapper;
        return this;
    }


    // ---- settings ------------------------------------------------------------------------

    /** The engine-wide preferences (body limits, config overrides); mutable until start. */
    public Pref pref() {
        return pref;
    }

    /** Cache-Control max-age (and Expires) for static files under a URL path; longest path wins. */
    public ServerBuilder setMaxAge(String path, long seconds) {
        open("setMaxAge");
        if (seconds < 0) {
            throw new IllegalArgumentException("max age must be >= 0, got " + seconds);
        }
        maxAges.put(Mount.normalizePoint(path), seconds);
        return this;
    }

    /** Idle time allowed between two requests on one connection (default 30 s). */
    public ServerBuilder setKeepAlive(Duration keepAlive) {
        open("setKeepAlive");
        timeouts = timeouts.withKeepAlive(keepAlive);
        return this;
    }

    /** Seconds form of {@link #setKeepAlive(Duration)}. */
    public ServerBuilder setKeepAlive(long seconds) {
        return setKeepAlive(Duration.ofSeconds(seconds));
    }

    /**
     * Longest gap allowed between two packets of one request or response (default 30 s): a client
     * that stalls mid-request or stops reading is cut off.
     */
    public ServerBuilder setRequestTimeout(Duration requestTimeout) {
        open("setRequestTimeout");
        timeouts = timeouts.withRequest(requestTimeout);
        return this;
    }

    /** Seconds form of {@link #setRequestTimeout(Duration)}. */
    public ServerBuilder setRequestTimeout(long seconds) {
        return setRequestTimeout(Duration.ofSeconds(seconds));
    }

    /**
     * Time allowed for the request line and headers to arrive (default 10 s); with TLS, also the
     * time allowed for the TLS handshake of a new connection.
     */
    public ServerBuilder setHeaderTimeout(Duration headerTimeout) {
        open("setHeaderTimeout");
        timeouts = timeouts.withHeader(headerTimeout);
        return this;
    }

    /** How long an idle upstream connection is kept before reconnecting (default 10 s; used by was). */
    public ServerBuilder setBackendKeepAlive(Duration backendKeepAlive) {
        open("setBackendKeepAlive");
        timeouts = timeouts.withBackendKeepAlive(backendKeepAlive);
        return this;
    }

    /** Seconds form of {@link #setBackendKeepAlive(Duration)}. */
    public ServerBuilder setBackendKeepAlive(long seconds) {
        return setBackendKeepAlive(Duration.ofSeconds(seconds));
    }

    /** Request-line and header limits (defaults: 8 KiB line → 414, 32 KiB / 100 headers → 431). */
    public ServerBuilder setHeaderLimits(int maxRequestLine, int maxHeaderBytes, int maxHeaderCount) {
        open("setHeaderLimits");
        limits = limits.withHeaders(maxRequestLine, maxHeaderBytes, maxHeaderCount);
        return this;
    }

    /**
     * The slowest a request body may arrive once the header timeout has passed since it started
     * (default 1024 bytes/s); a slower body is refused with 408 and the connection closed.
     */
    public ServerBuilder setMinBodyRate(long bytesPerSecond) {
        open("setMinBodyRate");
        limits = limits.withMinBodyRate(bytesPerSecond);
        return this;
    }

    /** Concurrent HTTP/2 streams per connection (default 100). */
    public ServerBuilder setMaxConcurrentStreams(int streams) {
        open("setMaxConcurrentStreams");
        limits = limits.withStreams(streams);
        return this;
    }

    /**
     * Serves HTTPS (TLS 1.3/1.2, HTTP/2 by ALPN) with PEM files: the certificate chain, server's own
     * first, and its key (PKCS#8, PKCS#1 RSA or SEC1 EC, plain or encrypted). A file, passphrase or
     * key that does not fit fails the start with a one-line {@link StartupException}.
     */
    public ServerBuilder enableSsl(Path certificate, Path privateKey, String passphrase) {
        open("enableSsl");
        tls = new EngineConfig.Tls(certificate, privateKey, Optional.ofNullable(passphrase));
        return this;
    }

    /** {@link #enableSsl(Path, Path, String)} for an unencrypted key. */
    public ServerBuilder enableSsl(Path certificate, Path privateKey) {
        return enableSsl(certificate, privateKey, null);
    }

    /**
     * Also listens for plain HTTP on {@code httpPort} and redirects every request to the same URL on
     * HTTPS port {@code httpsPort} (301 for GET and HEAD, 308 otherwise; the port is left out of the
     * URL when it is 443). {@code httpsPort} 0 means this server's own TLS port; {@code httpPort} 0
     * picks a free port ({@link SkitaiServer#forwardPort()}).
     */
    public ServerBuilder enableForward(int httpPort, int httpsPort) {
        open("enableForward");
        forward = new EngineConfig.Forward(httpPort, httpsPort);
        return this;
    }

    /** Keeps requests out of the request log: {@code "/static/"} (prefix) or {@code "*.css"} (suffix). */
    public ServerBuilder logOff(String... patterns) {
        open("logOff");
        logOff.addAll(List.of(patterns));
        return this;
    }

    /** Writes the request log ({@code request.log}) and engine log ({@code server.log}) into a directory. */
    public ServerBuilder enableFileLogging(Path directory) {
        open("enableFileLogging");
        logDirectory = directory;
        return this;
    }

    /**
     * Runs a server of another protocol beside this one, on its own port, started after this
     * server's listeners and stopped with it (see {@link Sidecar}), e.g.
     * {@code server.attach(GrpcServing.on(5001, new GreeterService()))} from skitai-was.
     */
    public ServerBuilder attach(Sidecar sidecar) {
        open("attach");
        if (sidecar == null) {
            throw new IllegalArgumentException("attach needs a sidecar, got null");
        }
        if (sidecars.contains(sidecar)) {
            throw new IllegalArgumentException(sidecar.name() + " server " + sidecar + " is already attached");
        }
        sidecars.add(sidecar);
        return this;
    }

    // ---- upstreams -----------------------------------------------------------------------

    /**
     * Defines an alias of upstream servers (Python's {@code skitai.alias}), called from handlers
     * as {@code was.get("@name/path")} (a {@link Proto}) or {@code was.backend("@name")} (a
     * {@link Db}), {@code was.lb()}, {@code was.map()}; servers are written
     * {@code [user:password@]host[:port][/path] [weight]}, SQLite members as file paths (see
     * {@link Alias}, {@link Db}). A later definition of the same name replaces the earlier one.
     *
     * @return the alias defined
     * @throws IllegalArgumentException for a malformed name or server, naming it
     */
    public Alias alias(String name, AliasType type, String... servers) {
        return alias(Alias.of(name, type, servers));
    }

    /** Defines an alias built with {@link Alias#of}, e.g. with a {@link Alias#role(String) role}. */
    public Alias alias(Alias alias) {
        open("alias");
        aliases.put(alias.name(), alias);
        return alias;
    }

    /** The aliases defined so far, by name. */
    public Map<String, Alias> aliases() {
        return Map.copyOf(aliases);
    }

    /**
     * How many upstream results the result cache keeps (Python's {@code set_max_rcache}; default
     * 100, least recently used evicted first; 0 turns
     * the cache off).
     */
    public ServerBuilder setMaxRcache(int entries) {
        open("setMaxRcache");
        if (entries < 0) {
            throw new IllegalArgumentException(Messages.maxRcache(entries));
        }
        return set(MAX_RCACHE, entries);
    }

    /** Turns on the cache file system (Python's {@code enable_cachefs}; off by default): see {@link Cachefs}. */
    public ServerBuilder enableCachefs(long memmax, long diskmax, Path path) {
        open("enableCachefs");
        return set(Cachefs.SETTING, Cachefs.of(memmax, diskmax, path));
    }

    /** was's result-cache size, written by name (was declares and reads it). */
    private static final Setting<Integer> MAX_RCACHE = Setting.of("was.maxRcache", Integer.class, 100);

    /** Turns the API gateway on for every reverse-proxied mount ({@code Gateway.OFF}: off); see {@link Gateway}. */
    public ServerBuilder enableGateway(Gateway gateway) {
        return set(Gateway.SETTING, gateway);
    }

    /** Turns the forward proxy on with {@code proxy}'s rules ({@code ForwardProxy.OFF}: off); see {@link ForwardProxy}. */
    public ServerBuilder enableProxy(ForwardProxy proxy) {
        return set(ForwardProxy.SETTING, proxy);
    }

    /** Serves the live status page at its path ({@code StatusDashboard.OFF}: off, the default); see {@link StatusDashboard}. */
    public ServerBuilder enableStatusDashboard(StatusDashboard dashboard) {
        return set(StatusDashboard.SETTING, dashboard);
    }

    /** The value of a module's {@link Setting} set so far (its default when unset). */
    public synchronized <T> T setting(Setting<T> setting) {
        return setting.cast(settings.getOrDefault(setting, setting.defaultValue()));
    }

    /** Sets a module's {@link Setting} (read with {@code ServerContext.setting}). */
    public <T> ServerBuilder set(Setting<T> setting, T value) {
        open("set " + setting.name());
        if (value == null) {
            throw new IllegalArgumentException("set(" + setting.name() + ", null): pass a value");
        }
        settings.put(setting, setting.cast(value));
        return this;
    }

    /**
     * Trusts the certificates in PEM files for HTTPS upstream calls ({@code Proto.HTTPS} aliases,
     * {@code https://} URLs), in addition to the JDK's trusted CAs: a private CA, or a self-signed
     * server certificate. Host names are still verified against the certificate. The files are
     * read when the server starts; a missing file or one without a certificate fails the start.
     * Calling it again adds more files.
     */
    public ServerBuilder setUpstreamTrust(Path... pemFiles) {
        open("setUpstreamTrust");
        List<Path> files = new ArrayList<>(upstreamTrust.pemFiles());
        files.addAll(List.of(pemFiles));
        upstreamTrust = new UpstreamTrust(files, upstreamTrust.jdkDefaults());
        return this;
    }

    /**
     * Like {@link #setUpstreamTrust(Path...)}, but upstream calls trust only these certificates,
     * not the JDK's CAs (for calls that must only reach your own servers).
     *
     * @throws IllegalArgumentException when no file is given
     */
    public ServerBuilder setUpstreamTrustOnly(Path... pemFiles) {
        open("setUpstreamTrustOnly");
        if (pemFiles.length == 0) {
            throw new IllegalArgumentException(Messages.upstreamTrustOnlyEmpty());
        }
        upstreamTrust = new UpstreamTrust(List.of(pemFiles), false);
        return this;
    }

    /**
     * The process-model options of this server: run directory, worker processes and the state they
     * share ({@code deflu}, {@code defgs}, Redis, the CPU critical point, the spare worker).
     */
    public ProcessOptions processes() {
        return processes;
    }
}
