package io.skitai.core.internal;

import io.skitai.core.App;
import io.skitai.core.Run;
import io.skitai.core.Sidecar;
import io.skitai.core.StartupException;
import io.undertow.Undertow;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.xnio.OptionMap;

/**
 * A running engine: Undertow with Skitai's limits, timeouts and handler pipeline. The pipeline, in
 * order: drain gate → Date header → request log → transaction ids → request guard → request metrics (when
 * metrics or the status dashboard are on) → forward proxy → status dashboard (at its path) → router → per
 * mount: body limit → static files / handler.
 */
public final class Engine {

    private static final System.Logger LOG = System.getLogger("io.skitai.core");
    /**
     * Buffers kept for reuse (16 MiB at most). Undertow's builder passes -1, which pools nothing
     * beyond its per-thread caches, so every request would allocate and free direct memory.
     */
    private static final int POOLED_BUFFERS = 1024;
    /** Undertow's own buffer size on a JVM with more than 128 MiB of heap. */
    private static final int BUFFER_SIZE = 16 * 1024;
    /**
     * Undertow caps every HTTP/2 header list at this system property (20000 bytes unless set),
     * read once when its Http2Channel class loads, whatever HTTP2_SETTINGS_MAX_HEADER_LIST_SIZE
     * says: the 32 KiB default limit would be advertised and enforced as 20000 over HTTP/2.
     */
    static final String HTTP2_HEADER_CAP_PROPERTY = "io.undertow.http2-max-header-size";

    static {
        // Lift that cap to Undertow's own HTTP/1 header cap (1 MiB), unless the user has set it,
        // so the configured header limit (setHeaderLimits) is what HTTP/2 clients are told and held to.
        if (System.getProperty(HTTP2_HEADER_CAP_PROPERTY) == null) {
            System.setProperty(HTTP2_HEADER_CAP_PROPERTY, String.valueOf(1024 * 1024));
        }
    }

    private final EngineConfig config;
    private final Sidecars sidecars;
    /** When a graceful stop's drain ends (System.nanoTime); sidecars get what is left of it. */
    private long drainDeadline;
    private boolean draining;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger connections = new AtomicInteger();
    private HandlerThreads threads;
    private AccessLog accessLog;
    private EngineServices services;
    private java.util.logging.Handler serverLog;
    private List<App> apps = List.of();
    private DrainGate gate;
    private Undertow undertow;
    private ByteBufferPool buffers;
    private MainListener mainListener;
    private SSLContext ssl;
    private KeyManagerFactory keyManagers;
    private volatile int port;
    private int forwardPort = -1;

    private final ServerControl control;

    private Engine(EngineConfig config, ServerControl control, List<Sidecar> sidecars) {
        this.config = config;
        this.control = control;
        this.sidecars = new Sidecars(sidecars);
    }

    /**
     * Builds an engine without binding its port: the apps are mounted and started and the handler
     * pipeline is ready; {@link #listen()} then opens the listeners and starts the sidecars.
     * A spare worker process stays prepared until its master calls it in. On failure everything
     * started is released.
     */
    public static Engine prepare(EngineConfig config, ServerControl control, List<Sidecar> sidecars) {
        Engine engine = new Engine(config, control, sidecars);
        try {
            engine.boot();
            return engine;
        } catch (RuntimeException | Error e) {
            engine.release();
            throw e;
        }
    }

    /**
     * Opens the listeners of a {@link #prepare prepared} engine and returns it; on failure the engine
     * is released (its apps stopped).
     */
    public Engine listen() {
        try {
            bind();
            return this;
        } catch (RuntimeException | Error e) {
            release();
            throw e;
        }
    }

    /**
     * Warms the listening path of a {@link #prepare prepared} engine that will {@link #listen()}
     * later (a spare worker): a throwaway Undertow with the same options on a loopback port of its
     * own answers one request from a plain socket, then stops. A cold JVM needs seconds to load
     * and link XNIO's and Undertow's classes on the first {@code start()}; after this the real
     * {@link #listen()} takes milliseconds. The apps see nothing of it. Best effort: a failure is
     * logged and ignored.
     */
    public void rehearse() {
        SharedBufferPool pool = new SharedBufferPool(true, BUFFER_SIZE - 20, 16);
        OptionMap serverOptions = ServerOptions.server(config);
        OptionMap socketOptions = ServerOptions.socket(false);
        Undertow rehearsal = ServerOptions.apply(Undertow.builder().setWorkerThreads(1).setIoThreads(1)
                .setByteBufferPool(pool), serverOptions, socketOptions).build();
        MainListener listener = null;
        try {
            rehearsal.start();
            listener = MainListener.plain(rehearsal, pool, new InetSocketAddress("127.0.0.1", 0), config.limits(),
                    serverOptions, socketOptions, new DateHeader(exchange -> {
                        exchange.setStatusCode(204);
                        exchange.endExchange();
                    }));
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", listener.port())) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write("GET / HTTP/1.1\r\nHost: rehearsal\r\nConnection: close\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                s.getInputStream().readAllBytes();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "the listener rehearsal failed", e);
        } finally {
            if (listener != null) {
                listener.close();
            }
            rehearsal.stop();
            pool.close();
        }
    }

    private void boot() {
        EngineLogging.setUp();
        Run run = config.run();
        config.forward().filter(f -> f.httpsPort() == 0 && config.tls().isEmpty()).ifPresent(f -> {
            throw new StartupException(Messages.forwardNeedsTls(f.httpPort()));
        });
        keyManagers = config.tls().map(TlsContexts::keyManagers).orElse(null);
        ssl = keyManagers == null ? null : TlsContexts.context(keyManagers);
        threads = HandlerThreads.of(run);
        services = new EngineServices(config, control);
        accessLog = new AccessLog(openSink(), config.logOff(), System.getProperty("skitai.worker", "M"),
                connections::get, services.setting(io.skitai.core.RequestLogFormat.SETTING));
        io.skitai.core.StatusDashboard dashboard = services.setting(io.skitai.core.StatusDashboard.SETTING);
        DashboardFront.check(config, dashboard);
        MountTargets targets = new MountTargets(config, threads, services);
        try {
            HttpHandler router = DashboardFront.front(new Router(targets.build()), config, services, threads);
            io.skitai.core.ForwardProxy proxy = services.setting(io.skitai.core.ForwardProxy.SETTING);
            if (proxy.enabled()) {
                router = new ProxyRequests(proxy, () -> services.forwardClient(proxy.channelKeepAlive()),
                        config.timeouts().request(), services.cachefs(), router);
            } else {
                HttpHandler routes = router;
                // Not a proxy: a CONNECT must not reach an app, whose 200 a client would take for a tunnel.
                router = ex -> {
                    if (ex.getRequestMethod().equals(io.undertow.util.Methods.CONNECT)) {
                        ErrorResponses.send(ex, 405, "this server is not a proxy (CONNECT needs enableProxy)", true);
                    } else {
                        routes.handleRequest(ex);
                    }
                };
            }
            io.skitai.core.Metrics metrics = services.setting(io.skitai.core.Metrics.SETTING);
            if (metrics.enabled() || dashboard.enabled()) {
                HttpHandler routed = router;
                // A service of the engine's, so its JVM binders are closed when the engine stops.
                router = services.service(io.skitai.core.Key.of("core.requestMetrics", RequestMetrics.class),
                        () -> new RequestMetrics(metrics.enabled() ? metrics.registry() : null,
                                dashboard.enabled() ? DashboardFront.recent(services) : null, routed, services::status));
            }
            gate = new DrainGate(new DateHeader(new AccessLogHandler(accessLog, connections,
                    new Transactions(services, new RequestGuard(config.limits(), router)))));
        } finally {
            apps = List.copyOf(targets.startedApps());
        }
    }

    private void bind() {
        Run run = config.run();
        accessLog.workerId(System.getProperty("skitai.worker", "M"));
        OptionMap serverOptions = ServerOptions.server(config);
        OptionMap socketOptions = ServerOptions.socket(ssl != null);
        // One lock-free pool for every thread (SharedBufferPool): no per-thread cache, which a virtual
        // thread per request would strand, and no lock per buffer, which Undertow's pool takes.
        buffers = new SharedBufferPool(true, BUFFER_SIZE - 20, POOLED_BUFFERS);
        undertow = builder(serverOptions, socketOptions).build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            throw bindFailure(e);
        }
        services.attach(undertow.getWorker(), buffers);
        InetSocketAddress address = new InetSocketAddress(run.address(), run.port());
        try {
            mainListener = ssl == null
                    ? MainListener.plain(undertow, buffers, address, config.limits(), serverOptions, socketOptions, gate)
                    : MainListener.tls(undertow, buffers, address, ssl, config.limits(), serverOptions, socketOptions,
                            gate, config.timeouts().header());
        } catch (IOException e) {
            throw bindFailure(new RuntimeException(e));
        }
        port = mainListener.port();
        if (config.forward().isPresent()) {
            forwardPort = boundPort(0);
        }
        LOG.log(Level.INFO, "{0} serving {1}://{2}:{3,number,#} on {4}", run.name(), ssl == null ? "http" : "https",
                run.address(), port, threads);
        sidecars.start(config, Optional.ofNullable(keyManagers));
    }

    /**
     * Undertow with the forward listener, if any; {@link MainListener} opens the main one on
     * Undertow's worker after start.
     */
    private Undertow.Builder builder(OptionMap serverOptions, OptionMap socketOptions) {
        Run run = config.run();
        Undertow.Builder b = ServerOptions.apply(Undertow.builder()
                .setWorkerThreads(Math.max(4, Runtime.getRuntime().availableProcessors()))
                .setByteBufferPool(buffers), serverOptions, socketOptions);
        config.forward().ifPresent(f -> b.addHttpListener(f.httpPort(), run.address(),
                new DateHeader(new AccessLogHandler(accessLog, connections,
                        new ForwardHandler(() -> f.httpsPort() > 0 ? f.httpsPort() : port)))));
        return b;
    }

    private StartupException bindFailure(RuntimeException e) {
        Run run = config.run();
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof BindException be) {
                String msg = String.valueOf(be.getMessage());
                if (msg.contains("in use")) {
                    int p = config.forward().map(f -> f.httpPort()).filter(fp -> msg.contains(String.valueOf(fp))).orElse(run.port());
                    return new StartupException(Messages.portInUse(run.address(), p), e);
                }
                return new StartupException(Messages.cannotBind(run.address(), run.port(), msg), e);
            }
        }
        return new StartupException(Messages.cannotBind(run.address(), run.port(), String.valueOf(e.getMessage())), e);
    }

    private int boundPort(int listener) {
        return ((InetSocketAddress) undertow.getListenerInfo().get(listener).getAddress()).getPort();
    }

    private LogSink openSink() {
        if (config.logDirectory().isEmpty()) {
            return LogSink.console();
        }
        Path dir = config.logDirectory().get();
        try {
            Files.createDirectories(dir);
            serverLog = EngineLogging.toFile(dir.resolve("server.log"), services);
            return LogSink.file(dir.resolve("request.log"));
        } catch (IOException e) {
            throw new StartupException(Messages.logDirectory(dir, e.toString()), e);
        }
    }

    public EngineConfig config() {
        return config;
    }

    public int port() {
        return port;
    }

    /** Requests served since start. */
    public long requestsServed() {
        return gate == null ? 0 : gate.served();
    }

    /** Connections open now. */
    public int openConnections() {
        return connections.get();
    }

    public int forwardPort() {
        if (forwardPort < 0) {
            throw new IllegalStateException("no forward listener: call enableForward(httpPort, httpsPort) before start");
        }
        return forwardPort;
    }

    /** Closes the listeners first, drains in-flight requests (bounded), then stops everything. */
    public void stop() {
        try {
            if (mainListener != null) {
                mainListener.close();
            }
            if (undertow != null) {
                Listeners.closeAccepting(undertow);
            }
            drainDeadline = System.nanoTime() + config.timeouts().drain().toNanos();
            draining = true;
            sidecars.stopAccepting();
            if (gate != null) {
                gate.drain(config.timeouts().drain().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            release();
            stopped.countDown();
        }
    }

    private void release() {
        sidecars.stop(() -> draining && !Thread.currentThread().isInterrupted() ? drainDeadline - System.nanoTime() : 0);
        if (mainListener != null) {
            mainListener.close();
            mainListener = null;
        }
        if (services != null) {
            services.stopUpstreamClient();
        }
        if (undertow != null) {
            undertow.stop();
            undertow = null;
        }
        if (buffers != null) {
            buffers.close();
            buffers = null;
        }
        for (int i = apps.size() - 1; i >= 0; i--) {
            try {
                apps.get(i).stop();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "an app failed to stop cleanly", e);
            }
        }
        if (services != null) {
            services.close();
        }
        if (threads != null) {
            threads.close();
        }
        if (accessLog != null) {
            accessLog.close();
        }
        if (serverLog != null) {
            EngineLogging.close(serverLog);
            serverLog = null;
        }
    }

    public void awaitStop() throws InterruptedException {
        stopped.await();
    }
}
