package io.skitai.core;

import io.skitai.core.daemon.RunDirectory;
import io.skitai.core.internal.Engine;
import io.skitai.core.internal.EngineConfig;
import io.skitai.core.internal.Messages;
import io.skitai.core.internal.ServerControl;
import io.skitai.core.internal.UpstreamTrust;
import io.skitai.core.internal.process.Master;
import io.skitai.core.internal.process.ProcessContext;
import io.skitai.core.internal.process.ProcessRole;
import io.skitai.core.internal.process.ProcessSettings;
import io.skitai.core.internal.process.Scoreboard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One engine instance: collect mounts and settings, {@link #start(Run)} it, {@link #stop()} it.
 * {@link Skitai} is a static facade over a default instance; tests create their own.
 *
 * <pre>{@code
 * SkitaiServer server = SkitaiServer.create();
 * server.mount("/", ex -> ex.send("Hello"));
 * server.start(Run.port(0));
 * int port = server.port();
 * server.stop();
 * }</pre>
 *
 * <p>Settings are read once when the server starts (decisions are made then, not per request).
 */
public final class SkitaiServer implements AutoCloseable {

    private final List<Mount> mounts = new ArrayList<>();
    private final Pref pref = Pref.create();
    private final Map<String, Long> maxAges = new LinkedHashMap<>();
    private final List<String> logOff = new ArrayList<>();
    private final List<Sidecar> sidecars = new ArrayList<>();
    private EngineConfig.Timeouts timeouts = EngineConfig.Timeouts.DEFAULTS;
    private EngineConfig.Limits limits = EngineConfig.Limits.DEFAULTS;
    private EngineConfig.Tls tls;
    private EngineConfig.Forward forward;
    private Path logDirectory;
    private Path runDirectory;
    private final Map<String, Alias> aliases = new LinkedHashMap<>();
    private int maxRcache = EngineConfig.Backends.DEFAULT_MAX_RCACHE;
    private UpstreamTrust upstreamTrust = UpstreamTrust.JDK;
    private ProcessSettings processSettings = ProcessSettings.DEFAULTS;
    private final Map<String, Supplier<?>> statusSections = new ConcurrentHashMap<>();
    private volatile Engine engine;
    private volatile ProcessContext process;
    private volatile Run running;
    private volatile boolean restarting;
    /** What requests reach through {@link Exchange#server()}: this server's process-model operations. */
    private final ServerControl control = new Control();

    private SkitaiServer() {}

    /** A new, unstarted server. */
    public static SkitaiServer create() {
        return new SkitaiServer();
    }

    // ---- mounts --------------------------------------------------------------------------

    /** Mounts a handler (the WSGI-callable analog): it sees its mount point as {@code mountPoint()}. */
    public Mount mount(String point, Handler handler) {
        return add(new Mount(point, handler));
    }

    /** Mounts a static directory. */
    public Mount mount(String point, Path directory) {
        return add(new Mount(point, directory));
    }

    /**
     * Mounts a target named by a string: the class name of a {@link Handler} or {@link App} with a
     * public no-argument constructor. (Aliases such as {@code "@members"} arrive with the was module.)
     */
    public Mount mount(String point, String target) {
        return add(new Mount(point, target));
    }

    /**
     * Mounts any other target: an {@link App} (an Atila app), an Undertow {@code HttpHandler}, or
     * anything the overloads above take. A target of an unknown kind fails at {@link #start(Run)} with a message naming it.
     */
    public Mount mount(String point, Object target) {
        return add(new Mount(point, target));
    }

    private Mount add(Mount mount) {
        requireNotStarted();
        mounts.add(mount);
        return mount;
    }

    // ---- settings ------------------------------------------------------------------------

    /** The engine-wide preferences (body limits, config overrides); mutable until start. */
    public Pref pref() {
        return pref;
    }

    /** Cache-Control max-age (and Expires) for static files under a URL path; longest path wins. */
    public SkitaiServer setMaxAge(String path, long seconds) {
        requireNotStarted();
        if (seconds < 0) {
            throw new IllegalArgumentException("max age must be >= 0, got " + seconds);
        }
        maxAges.put(Mount.normalizePoint(path), seconds);
        return this;
    }

    /** Idle time allowed between two requests on one connection (default 30 s). */
    public SkitaiServer setKeepAlive(Duration keepAlive) {
        timeouts = timeouts.withKeepAlive(keepAlive);
        return this;
    }

    /** Seconds form of {@link #setKeepAlive(Duration)}. */
    public SkitaiServer setKeepAlive(long seconds) {
        return setKeepAlive(Duration.ofSeconds(seconds));
    }

    /**
     * Longest gap allowed between two packets of one request or response (default 30 s): a client
     * that stalls mid-request or stops reading is cut off.
     */
    public SkitaiServer setRequestTimeout(Duration requestTimeout) {
        timeouts = timeouts.withRequest(requestTimeout);
        return this;
    }

    /** Seconds form of {@link #setRequestTimeout(Duration)}. */
    public SkitaiServer setRequestTimeout(long seconds) {
        return setRequestTimeout(Duration.ofSeconds(seconds));
    }

    /**
     * Time allowed for the request line and headers to arrive (default 10 s); with TLS, also the
     * time allowed for the TLS handshake of a new connection.
     */
    public SkitaiServer setHeaderTimeout(Duration headerTimeout) {
        timeouts = timeouts.withHeader(headerTimeout);
        return this;
    }

    /** How long an idle upstream connection is kept before reconnecting (default 10 s; used by was). */
    public SkitaiServer setBackendKeepAlive(Duration backendKeepAlive) {
        timeouts = timeouts.withBackendKeepAlive(backendKeepAlive);
        return this;
    }

    /** Seconds form of {@link #setBackendKeepAlive(Duration)}. */
    public SkitaiServer setBackendKeepAlive(long seconds) {
        return setBackendKeepAlive(Duration.ofSeconds(seconds));
    }

    /** Request-line and header limits (defaults: 8 KiB line → 414, 32 KiB / 100 headers → 431). */
    public SkitaiServer setHeaderLimits(int maxRequestLine, int maxHeaderBytes, int maxHeaderCount) {
        limits = limits.withHeaders(maxRequestLine, maxHeaderBytes, maxHeaderCount);
        return this;
    }

    /**
     * The slowest a request body may arrive once the header timeout has passed since it started
     * (default 1024 bytes/s); a slower body is refused with 408 and the connection closed.
     */
    public SkitaiServer setMinBodyRate(long bytesPerSecond) {
        limits = limits.withMinBodyRate(bytesPerSecond);
        return this;
    }

    /** Concurrent HTTP/2 streams per connection (default 100). */
    public SkitaiServer setMaxConcurrentStreams(int streams) {
        limits = limits.withStreams(streams);
        return this;
    }

    /**
     * Serves HTTPS (TLS 1.3 and 1.2; HTTP/2 by ALPN) with PEM files: the certificate chain (the
     * server's own certificate first) and its private key as PKCS#8, PKCS#1 RSA or SEC1 EC, plain or
     * encrypted (traditional {@code Proc-Type: 4,ENCRYPTED} or {@code ENCRYPTED PRIVATE KEY}). A
     * missing file, a wrong or missing passphrase or a key that does not match the certificate
     * fails {@link #start(Run)} with a one-line {@link StartupException}; the passphrase is never shown.
     */
    public SkitaiServer enableSsl(Path certificate, Path privateKey, String passphrase) {
        requireNotStarted();
        tls = new EngineConfig.Tls(certificate, privateKey, Optional.ofNullable(passphrase));
        return this;
    }

    /** {@link #enableSsl(Path, Path, String)} for an unencrypted key. */
    public SkitaiServer enableSsl(Path certificate, Path privateKey) {
        return enableSsl(certificate, privateKey, null);
    }

    /**
     * Also listens for plain HTTP on {@code httpPort} and redirects every request to the same URL on
     * HTTPS port {@code httpsPort} (301 for GET and HEAD, 308 otherwise; the port is left out of the
     * URL when it is 443). {@code httpsPort} 0 means this server's own TLS port; {@code httpPort} 0
     * picks a free port ({@link #forwardPort()}).
     */
    public SkitaiServer enableForward(int httpPort, int httpsPort) {
        requireNotStarted();
        forward = new EngineConfig.Forward(httpPort, httpsPort);
        return this;
    }

    /** Keeps requests out of the request log: {@code "/static/"} (prefix) or {@code "*.css"} (suffix). */
    public SkitaiServer logOff(String... patterns) {
        requireNotStarted();
        logOff.addAll(List.of(patterns));
        return this;
    }

    /** Writes the request log ({@code request.log}) and engine log ({@code server.log}) into a directory. */
    public SkitaiServer enableFileLogging(Path directory) {
        requireNotStarted();
        logDirectory = directory;
        return this;
    }

    /**
     * The run directory: where the daemon's pid file and logs go, and the files the worker processes
     * share. Default: {@code ~/.skitai/<name>} (see {@link RunDirectory#defaultFor(String)});
     * {@code --skitai-rundir=DIR} on the command line sets it too.
     */
    public SkitaiServer setRunDirectory(Path directory) {
        requireNotStarted();
        runDirectory = directory;
        return this;
    }

    /** The run directory of a server called {@code name}: the one set, or the default for the name. */
    public RunDirectory runDirectory(String name) {
        return runDirectory != null ? RunDirectory.at(runDirectory) : RunDirectory.defaultFor(name);
    }

    /** How long a graceful stop lets in-flight requests run (30 s). */
    public Duration drainTimeout() {
        return timeouts.drain();
    }

    /**
     * Runs a server of another protocol beside this one, on its own port, started after this
     * server's listeners and stopped with it (see {@link Sidecar}), e.g.
     * {@code server.attach(GrpcServing.on(5001, new GreeterService()))} from skitai-was.
     */
    public SkitaiServer attach(Sidecar sidecar) {
        requireNotStarted();
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
     * as {@code was.get("@name/path")}, {@code was.lb()}, {@code was.map()}; servers are written
     * {@code [user:password@]host[:port][/path] [weight]} (see {@link Alias}). A later definition
     * of the same name replaces the earlier one.
     *
     * @return the alias defined
     * @throws IllegalArgumentException for a malformed name or server, naming it
     */
    public Alias alias(String name, Proto proto, String... servers) {
        return alias(Alias.of(name, proto, servers));
    }

    /** Defines an alias built with {@link Alias#of}, e.g. with a {@link Alias#role(String) role}. */
    public Alias alias(Alias alias) {
        requireNotStarted();
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
    public SkitaiServer setMaxRcache(int entries) {
        requireNotStarted();
        if (entries < 0) {
            throw new IllegalArgumentException(Messages.maxRcache(entries));
        }
        maxRcache = entries;
        return this;
    }

    /**
     * Trusts the certificates in PEM files for HTTPS upstream calls ({@code Proto.HTTPS} aliases,
     * {@code https://} URLs), in addition to the JDK's trusted CAs: a private CA, or a self-signed
     * server certificate. Host names are still verified against the certificate. The files are
     * read when the server starts; a missing file or one without a certificate fails the start.
     * Calling it again adds more files.
     */
    public SkitaiServer setUpstreamTrust(Path... pemFiles) {
        requireNotStarted();
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
    public SkitaiServer setUpstreamTrustOnly(Path... pemFiles) {
        requireNotStarted();
        if (pemFiles.length == 0) {
            throw new IllegalArgumentException(Messages.upstreamTrustOnlyEmpty());
        }
        upstreamTrust = new UpstreamTrust(List.of(pemFiles), false);
        return this;
    }

    // ---- process model: workers, shared state ---------------------------------------------------

    /**
     * Declares last-update keys (Python's {@code skitai.deflu}) for {@link SharedState#setlu} and
     * {@link SharedState#getlu}, e.g. model or table names. Only declared keys can be used.
     */
    public SkitaiServer deflu(String... keys) {
        requireNotStarted();
        processSettings = processSettings.withLuKeys(keys);
        return this;
    }

    /** Declares global-state keys (Python's {@code skitai.defgs}) for {@link SharedState#setgs}/{@code getgs}. */
    public SkitaiServer defgs(String... keys) {
        requireNotStarted();
        processSettings = processSettings.withGsKeys(keys);
        return this;
    }

    /**
     * Keeps the shared state ({@link #sharedState()}) on a Redis server instead of the memory-mapped
     * file, so workers on several machines share it: {@code redis://host:6379/0}. Needs
     * {@code io.lettuce:lettuce-core} on the class path. Keys go under {@code skitai:<name>:}.
     */
    public SkitaiServer shareStateOnRedis(String uri) {
        requireNotStarted();
        processSettings = processSettings.withRedis(uri);
        return this;
    }

    /**
     * Python's {@code set_worker_critical_point}: the master replaces a worker whose CPU use stays
     * over {@code cpuPercent} in {@code continuous} consecutive samples taken every {@code interval}
     * (a new worker starts first, then the old one drains). Only with {@code workers(n)}, n &gt; 1.
     */
    public SkitaiServer setWorkerCriticalPoint(double cpuPercent, int continuous, Duration interval) {
        requireNotStarted();
        processSettings = processSettings.withCriticalPoint(
                Optional.of(new ProcessSettings.CriticalPoint(cpuPercent, continuous, interval)));
        return this;
    }

    /** Seconds form of {@link #setWorkerCriticalPoint(double, int, Duration)}; an interval of 0 turns it off. */
    public SkitaiServer setWorkerCriticalPoint(double cpuPercent, int continuous, long intervalSeconds) {
        if (intervalSeconds == 0) {
            requireNotStarted();
            processSettings = processSettings.withCriticalPoint(Optional.empty());
            return this;
        }
        return setWorkerCriticalPoint(cpuPercent, continuous, Duration.ofSeconds(intervalSeconds));
    }

    /**
     * Whether the master keeps a spare worker (on by default; only with {@code workers(n)}, n &gt; 1):
     * one more worker JVM, booted with every app mounted and started but not listening, which the
     * master calls in the moment a worker dies, so the port has its n listeners again within
     * milliseconds instead of a JVM boot (seconds). It costs one more JVM's memory. A proper
     * {@code worker #i} then replaces it the way HUP does, and a new spare boots once that is done.
     * Apps must tolerate being started in a process that may never serve (it stops them when it
     * is dismissed). Off, a dead worker is relaunched cold.
     */
    public SkitaiServer setSpareWorker(boolean keep) {
        requireNotStarted();
        processSettings = processSettings.withSpareWorker(keep);
        return this;
    }

    /**
     * Adds a named section to {@link #status()}, computed on each call (from a request:
     * {@code exchange.server().addStatusSection(..)}; the was module adds its upstream pools).
     */
    public SkitaiServer addStatusSection(String name, Supplier<?> section) {
        statusSections.put(name, section);
        return this;
    }

    /** {@link ServerControl} over this server's public operations. */
    private final class Control implements ServerControl {
        @Override
        public SharedState sharedState() {
            return SkitaiServer.this.sharedState();
        }

        @Override
        public ServerStatus status() {
            return SkitaiServer.this.status();
        }

        @Override
        public void restart() {
            SkitaiServer.this.restart();
        }

        @Override
        public void shutdown() {
            Thread.ofPlatform().name("skitai-shutdown").start(SkitaiServer.this::stop);
        }

        @Override
        public void shutdownServer() {
            SkitaiServer.this.shutdown();
        }

        @Override
        public void addStatusSection(String name, Supplier<?> section) {
            SkitaiServer.this.addStatusSection(name, section);
        }

        @Override
        public void removeStatusSection(String name, Supplier<?> section) {
            statusSections.remove(name, section);
        }
    }

    /** The state shared by every worker process of this server (see {@link SharedState}). */
    public SharedState sharedState() {
        return context().state();
    }

    /** The server's processes, uptime, connections, requests served and added sections. */
    public ServerStatus status() {
        Map<String, Object> sections = new LinkedHashMap<>();
        statusSections.forEach((k, v) -> sections.put(k, v.get()));
        return context().status(sections);
    }

    /**
     * Restarts the server without stopping the program. In a worker: asks the master to replace this
     * worker (a new one starts, then this one drains). In a single process: the engine drains, stops
     * its apps and starts again on a new thread (connections are refused for that moment).
     */
    public void restart() {
        ProcessContext ctx = context();
        if (ctx.isWorker()) {
            ctx.askMaster(Scoreboard.RECYCLE_ME);
            return;
        }
        Run run = running.withPort(port());
        restarting = true;
        Thread.ofPlatform().name("skitai-restart").start(() -> {
            try {
                stopEngine();
                startEngine(run, ctx);
            } catch (RuntimeException e) {
                System.getLogger("skitai").log(System.Logger.Level.ERROR, "the server could not start again", e);
                stop();
            } finally {
                restarting = false;
            }
        });
    }

    /**
     * Stops the server gracefully, after the current requests. In a worker: asks the master to stop
     * the whole server (every worker drains, then all exit). In a single process: the engine stops
     * on another thread, so the request asking for it still completes.
     */
    public void shutdown() {
        ProcessContext ctx = context();
        if (ctx.isWorker()) {
            ctx.askMaster(Scoreboard.SHUT_DOWN_ALL);
            return;
        }
        Thread.ofPlatform().name("skitai-shutdown").start(this::stop);
    }

    /** Runs the master of {@code run.workers()} worker processes; returns the exit status. */
    int superviseWorkers(Run run, List<String> args) {
        List<String> workerArgs = new ArrayList<>(args);
        workerArgs.add("--skitai-port=" + (run.port() != 0 ? run.port() : Master.freePort(run.address())));
        return Master.run(new Master.Plan(run.name(), run.workers(), workerArgs, runDirectory(run.name()),
                processSettings, timeouts.drain()));
    }


    private ProcessContext context() {
        ProcessContext ctx = process;
        if (ctx == null) {
            throw new IllegalStateException(Messages.notStarted());
        }
        return ctx;
    }

    // ---- lifecycle -----------------------------------------------------------------------

    /**
     * Starts serving and returns once the listeners are bound.
     *
     * @throws StartupException with a one-line message when the configuration cannot run
     */
    public synchronized SkitaiServer start(Run run) {
        requireNotStarted();
        if (process != null) {
            throw new IllegalStateException(Messages.alreadyStarted());
        }
        ProcessRole role = ProcessRole.current();
        if (run.workers() > 1 && !role.isWorker()) {
            System.getLogger("skitai").log(System.Logger.Level.WARNING, "workers({0}) takes effect through"
                    + " Skitai.run; SkitaiServer.start runs one process", run.workers());
        }
        ProcessContext ctx = ProcessContext.open(run.name(), role, processSettings);
        process = ctx;
        try {
            startEngine(run, ctx);
        } catch (RuntimeException | Error e) {
            process = null;
            ctx.close();
            throw e;
        }
        if (engine == null) {
            // A spare worker that was dismissed before it was called in.
            process = null;
            ctx.close();
        }
        return this;
    }

    /**
     * Boots the engine, then (a spare worker waits here until its master calls it in, or dismisses
     * it: then nothing listens and the engine is stopped again) binds the listeners.
     */
    private synchronized void startEngine(Run run, ProcessContext ctx) {
        EngineConfig config = new EngineConfig(run, List.copyOf(mounts), pref.copy(), Map.copyOf(maxAges),
                timeouts, limits, Optional.ofNullable(tls), Optional.ofNullable(forward), List.copyOf(logOff),
                Optional.ofNullable(logDirectory), new EngineConfig.Backends(aliases, maxRcache, upstreamTrust));
        Engine prepared = Engine.prepare(config, control, List.copyOf(sidecars));
        if (ctx.isSpare()) {
            prepared.rehearse();
        }
        if (!ctx.awaitTurn()) {
            prepared.stop();
            return;
        }
        Engine started = prepared.listen();
        ctx.serving(started::requestsServed, started::openConnections);
        running = run;
        engine = started;
    }

    private synchronized void stopEngine() {
        Engine e = engine;
        if (e != null) {
            engine = null;
            e.stop();
        }
    }

    /** The bound port (useful after starting on port 0). */
    public int port() {
        return running().port();
    }

    /** The bound port of the HTTP→HTTPS forward listener. */
    public int forwardPort() {
        return running().forwardPort();
    }

    /** The address the server listens on. */
    public String address() {
        return running().config().run().address();
    }

    /** Whether the server is serving. */
    public boolean isRunning() {
        return engine != null;
    }

    /** The backend keep-alive in force (for the was module). */
    public Duration backendKeepAlive() {
        return timeouts.backendKeepAlive();
    }

    /**
     * Closes the listeners, lets in-flight requests (and the calls of attached sidecars) finish
     * within 30 s in all, stops the sidecars and the mounted apps.
     */
    public synchronized void stop() {
        stopEngine();
        ProcessContext ctx = process;
        if (ctx != null) {
            process = null;
            ctx.close();
        }
    }

    /** Blocks until the server is stopped (a {@link #restart()} does not end the wait). */
    public void await() throws InterruptedException {
        while (true) {
            Engine e = engine;
            if (e != null) {
                e.awaitStop();
            } else if (restarting) {
                Thread.sleep(10);
            } else {
                synchronized (this) {
                    // stop() holds the monitor until the server's resources are released.
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Engine running() {
        Engine e = engine;
        if (e == null) {
            throw new IllegalStateException(Messages.notStarted());
        }
        return e;
    }

    private void requireNotStarted() {
        if (engine != null) {
            throw new IllegalStateException(Messages.alreadyStarted());
        }
    }
}
