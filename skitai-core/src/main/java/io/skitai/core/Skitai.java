package io.skitai.core;

import io.skitai.core.daemon.Daemon;
import io.skitai.core.internal.CommandLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The static facade most programs use: mount things, set options, {@link #run(Run)}. It writes
 * into one default {@link ServerBuilder} ({@link #config()}) and runs the {@link SkitaiServer}
 * made from it ({@link SkitaiServer#runMain(Run)}); tests build their own servers instead. Every
 * option of {@link ServerBuilder} has a form here, under the Python original's name.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     Skitai.mount("/", exchange -> exchange.send("Hello World"));
 *     Skitai.mount("/static", Path.of("static"));
 *     Skitai.run(Run.port(5000).args(args));
 * }
 * }</pre>
 */
public final class Skitai {

    private static final ServerBuilder CONFIG = ServerBuilder.create();
    private static SkitaiServer server;

    private Skitai() {}

    /** The settings of the default server; frozen once {@link #run(Run)} creates it. */
    public static ServerBuilder config() {
        return CONFIG;
    }

    /**
     * The default server, once {@link #run(Run)} created it (from a request, {@code exchange.server()}
     * is usually what you want).
     *
     * @throws IllegalStateException before {@link #run(Run)}
     */
    public static synchronized SkitaiServer server() {
        if (server == null) {
            throw new IllegalStateException(io.skitai.core.internal.Messages.notStarted());
        }
        return server;
    }

    /** Mounts a handler. */
    public static Mount mount(String point, Handler handler) {
        return CONFIG.mount(point, handler);
    }

    /** Mounts a static directory, or an app jar (a {@code .jar} file); see {@link ServerBuilder#mount(String, Path)}. */
    public static Mount mount(String point, Path directory) {
        return CONFIG.mount(point, directory);
    }

    /** Mounts an exported app by name; see {@link ServerBuilder#mount(String, String, Pref)}. */
    public static Mount mount(String point, String exportedName, Pref pref) {
        return CONFIG.mount(point, exportedName, pref);
    }

    /** Mounts an exported app by class; see {@link ServerBuilder#mount(String, Class, Pref)}. */
    public static Mount mount(String point, Class<? extends ExportedApp> exported, Pref pref) {
        return CONFIG.mount(point, exported, pref);
    }

    /** Mounts a class by name (a {@link Handler} or {@link App}). */
    public static Mount mount(String point, String target) {
        return CONFIG.mount(point, target);
    }

    /** Mounts any other target: an {@link App} (an Atila app), an Undertow {@code HttpHandler}, ... */
    public static Mount mount(String point, Object target) {
        return CONFIG.mount(point, target);
    }

    /** See {@link ServerBuilder#attach(Sidecar)}: e.g. {@code Skitai.attach(GrpcServing.on(5001, service))}. */
    public static void attach(Sidecar sidecar) {
        CONFIG.attach(sidecar);
    }

    /** See {@link ServerBuilder#filter(Filter)}. */
    public static void filter(Filter filter) {
        CONFIG.filter(filter);
    }

    /** See {@link ServerBuilder#setJsonMapper(com.fasterxml.jackson.databind.ObjectMapper)}. */
    public static void setJsonMapper(com.fasterxml.jackson.databind.ObjectMapper mapper) {
        CONFIG.setJsonMapper(mapper);
    }

    /** See {@link ServerBuilder#set(Setting, Object)}: a module's typed setting. */
    public static <T> void set(Setting<T> setting, T value) {
        CONFIG.set(setting, value);
    }

    /** The engine-wide preferences. */
    public static Pref pref() {
        return CONFIG.pref();
    }

    /** See {@link ServerBuilder#setMaxAge(String, long)}. */
    public static void setMaxAge(String path, long seconds) {
        CONFIG.setMaxAge(path, seconds);
    }

    /** See {@link ServerBuilder#setKeepAlive(Duration)}. */
    public static void setKeepAlive(long seconds) {
        CONFIG.setKeepAlive(seconds);
    }

    /** See {@link ServerBuilder#setRequestTimeout(Duration)}. */
    public static void setRequestTimeout(long seconds) {
        CONFIG.setRequestTimeout(seconds);
    }

    /** See {@link ServerBuilder#setHeaderTimeout(Duration)}. */
    public static void setHeaderTimeout(long seconds) {
        CONFIG.setHeaderTimeout(Duration.ofSeconds(seconds));
    }

    /** See {@link ServerBuilder#setHeaderLimits(int, int, int)}. */
    public static void setHeaderLimits(int maxRequestLine, int maxHeaderBytes, int maxHeaderCount) {
        CONFIG.setHeaderLimits(maxRequestLine, maxHeaderBytes, maxHeaderCount);
    }

    /** See {@link ServerBuilder#setMinBodyRate(long)}. */
    public static void setMinBodyRate(long bytesPerSecond) {
        CONFIG.setMinBodyRate(bytesPerSecond);
    }

    /** See {@link ServerBuilder#setMaxConcurrentStreams(int)}. */
    public static void setMaxConcurrentStreams(int streams) {
        CONFIG.setMaxConcurrentStreams(streams);
    }

    /** See {@link ServerBuilder#setBackendKeepAlive(Duration)}. */
    public static void setBackendKeepAlive(long seconds) {
        CONFIG.setBackendKeepAlive(seconds);
    }

    /** See {@link ServerBuilder#alias(String, AliasType, String...)}. */
    public static Alias alias(String name, AliasType type, String... servers) {
        return CONFIG.alias(name, type, servers);
    }

    /** See {@link ServerBuilder#alias(Alias)}. */
    public static Alias alias(Alias alias) {
        return CONFIG.alias(alias);
    }

    /**
     * Records the server's metrics: {@code Skitai.enableMetrics(Metrics.of(registry))}; see
     * {@link Metrics}. (It takes {@link Metrics}, not Micrometer's registry, so this class loads and
     * reflects without micrometer-core, an optional dependency.)
     */
    public static void enableMetrics(Metrics metrics) {
        config().set(Metrics.SETTING, metrics);
    }

    /**
     * Records the server's metrics into a default registry ({@link Metrics#defaults()}: Prometheus's
     * when its registry artifact is on the class path, so {@code PrometheusEndpoint.create()} can be
     * mounted; else an in-memory one).
     */
    public static void enableMetrics() {
        enableMetrics(Metrics.defaults());
    }

    /**
     * Serves the live status page: {@code Skitai.enableStatusDashboard(StatusDashboard.at("/status"))};
     * see {@link StatusDashboard}.
     */
    public static void enableStatusDashboard(StatusDashboard dashboard) {
        config().enableStatusDashboard(dashboard);
    }

    /** The request log's line format (text by default); see {@link RequestLogFormat}. */
    public static void setRequestLogFormat(RequestLogFormat format) {
        config().set(RequestLogFormat.SETTING, format);
    }

    /** The proxies whose {@code Forwarded}/{@code X-Forwarded-For} is believed; see {@link TrustedProxies}. */
    public static void setTrustedProxies(String... networks) {
        config().set(TrustedProxies.SETTING, new TrustedProxies(java.util.List.of(networks)));
    }

    /**
     * Turns the forward proxy on with its defaults (Python's {@code enable_proxy()}; the keep-alives
     * {@link #setProxyKeepAlive} set stay); see {@link ForwardProxy}.
     */
    public static void enableProxy() {
        ForwardProxy now = config().setting(ForwardProxy.SETTING);
        config().enableProxy(ForwardProxy.defaults().withKeepAlive(now.channelKeepAlive(), now.tunnelKeepAlive()));
    }

    /** {@link ServerBuilder#enableProxy(ForwardProxy)}. */
    public static void enableProxy(ForwardProxy proxy) {
        config().enableProxy(proxy);
    }

    /**
     * The forward proxy's keep-alives in seconds (Python's {@code set_proxy_keep_alive(channel, tunnel)}):
     * idle destination connections and idle tunnels (60 and 600).
     */
    public static void setProxyKeepAlive(long channel, long tunnel) {
        ForwardProxy now = config().setting(ForwardProxy.SETTING);
        config().enableProxy(now.withKeepAlive(java.time.Duration.ofSeconds(channel), java.time.Duration.ofSeconds(tunnel)));
    }

    /**
     * Turns the API gateway on or off for every reverse-proxied mount (Python's
     * {@code enable_gateway(True, secret)}: HS256 JWTs signed with {@code secret}); see {@link Gateway}.
     */
    public static void enableGateway(boolean enable, String secret) {
        config().enableGateway(enable ? Gateway.hs256(secret) : Gateway.OFF);
    }

    /** {@link ServerBuilder#enableGateway(Gateway)}. */
    public static void enableGateway(Gateway gateway) {
        config().enableGateway(gateway);
    }

    /** See {@link ServerBuilder#setMaxRcache(int)}. */
    public static void setMaxRcache(int entries) {
        CONFIG.setMaxRcache(entries);
    }

    /** See {@link ServerBuilder#enableCachefs(long, long, Path)}; {@code path} may be null when {@code diskmax} is 0. */
    public static void enableCachefs(long memmax, long diskmax, String path) {
        CONFIG.enableCachefs(memmax, diskmax, path == null ? null : Path.of(path));
    }

    /** See {@link ServerBuilder#setUpstreamTrust(Path...)}. */
    public static void setUpstreamTrust(String... pemFiles) {
        CONFIG.setUpstreamTrust(java.util.Arrays.stream(pemFiles).map(Path::of).toArray(Path[]::new));
    }

    /** See {@link ServerBuilder#setUpstreamTrustOnly(Path...)}. */
    public static void setUpstreamTrustOnly(String... pemFiles) {
        CONFIG.setUpstreamTrustOnly(java.util.Arrays.stream(pemFiles).map(Path::of).toArray(Path[]::new));
    }

    /** See {@link ServerBuilder#enableSsl(Path, Path, String)}. */
    public static void enableSsl(String certificate, String privateKey, String passphrase) {
        CONFIG.enableSsl(Path.of(certificate), Path.of(privateKey), passphrase);
    }

    /** See {@link ServerBuilder#enableForward(int, int)}. */
    public static void enableForward(int httpPort, int httpsPort) {
        CONFIG.enableForward(httpPort, httpsPort);
    }

    /** See {@link ServerBuilder#logOff(String...)}. */
    public static void logOff(String... patterns) {
        CONFIG.logOff(patterns);
    }

    /** See {@link ProcessOptions#deflu(String...)}. */
    public static void deflu(String... keys) {
        CONFIG.processes().deflu(keys);
    }

    /** See {@link ProcessOptions#defgs(String...)}. */
    public static void defgs(String... keys) {
        CONFIG.processes().defgs(keys);
    }

    /** See {@link ProcessOptions#setWorkerCriticalPoint(double, int, long)}. */
    public static void setWorkerCriticalPoint(double cpuPercent, int continuous, long intervalSeconds) {
        CONFIG.processes().setWorkerCriticalPoint(cpuPercent, continuous, intervalSeconds);
    }

    /** See {@link ProcessOptions#setSpareWorker(boolean)}. */
    public static void setSpareWorker(boolean keep) {
        CONFIG.processes().setSpareWorker(keep);
    }

    /** See {@link ProcessOptions#shareStateOnRedis(String)}. */
    public static void shareStateOnRedis(String uri) {
        CONFIG.processes().shareStateOnRedis(uri);
    }

    /** See {@link ProcessOptions#setRunDirectory(Path)}. */
    public static void setRunDirectory(String directory) {
        CONFIG.processes().setRunDirectory(Path.of(directory));
    }

    /** See {@link ServerBuilder#enableFileLogging(Path)}. */
    public static void enableFileLogging(String directory) {
        CONFIG.enableFileLogging(Path.of(directory));
    }

    /**
     * Starts the default server and blocks until it stops (TERM or Ctrl-C stop it gracefully).
     * {@code --skitai-*} options in {@code run.args()} override {@code run}. When the server cannot
     * start, prints one line naming the problem to stderr and exits with status 2.
     *
     * <p>A daemon word in the arguments controls a daemon instead: {@code start} (or {@code -d})
     * runs this program detached in its app directory ({@link #getswd()}), with a pid file and log
     * files in the run directory ({@link #setRunDirectory(String)}, {@code --skitai-rundir=DIR});
     * {@code stop} ({@code -s}), {@code restart} ({@code -r}) and {@code status} act on it. The
     * process then exits with the command's status (see {@link Daemon}).
     */
    public static void run(Run run) {
        System.exit(createServer().runMain(run));
    }

    /** The default server, created from the facade's settings, which are frozen from now on. */
    private static synchronized SkitaiServer createServer() {
        if (server == null) {
            server = SkitaiServer.create(CONFIG.build());
        }
        return server;
    }

    /** {@link #run(Run)} on the defaults with this command line. */
    public static void run(String... args) {
        run(Run.defaults().args(args));
    }

    /**
     * The app's own options and arguments, getopt-style, with the engine's taken out.
     *
     * <pre>{@code ArgOpt o = Skitai.argopt(args, "hf:", "ssl", "debug", "origin="); }</pre>
     *
     * @throws IllegalArgumentException for an unknown option or a missing value
     */
    public static ArgOpt argopt(String[] args, String shortOpts, String... longOpts) {
        return ArgOpt.parse(CommandLine.appArguments(Arrays.asList(args)), shortOpts, List.of(longOpts));
    }

    /**
     * The Skitai working directory: where the launched jar lies ({@code java -jar app.jar}), else
     * the current directory. Resources that ship beside the app are found from here.
     */
    public static Path getswd() {
        String command = System.getProperty("sun.java.command", "");
        String first = command.isBlank() ? "" : command.strip().split("\\s+")[0];
        if (first.endsWith(".jar")) {
            Path jar = Path.of(first).toAbsolutePath();
            if (Files.isRegularFile(jar)) {
                return jar.getParent();
            }
        }
        return Path.of("").toAbsolutePath();
    }

    /** A path below the working directory, e.g. {@code abspath("package", "monitor.json")}. */
    public static Path abspath(String first, String... more) {
        return getswd().resolve(Path.of(first, more)).normalize();
    }
}
