package io.skitai.core.internal;

import io.skitai.core.App;
import io.skitai.core.Run;
import io.skitai.core.StartupException;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.xnio.Options;

/**
 * A running engine: Undertow with Skitai's limits, timeouts and handler pipeline. The pipeline, in
 * order: graceful-shutdown gate → request log → request guard → router → per mount: body limit →
 * static files / handler.
 */
public final class Engine {

    private static final System.Logger LOG = System.getLogger("skitai");

    private final EngineConfig config;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger connections = new AtomicInteger();
    private HandlerThreads threads;
    private AccessLog accessLog;
    private List<App> apps = List.of();
    private GracefulShutdownHandler gate;
    private Undertow undertow;
    private int port;
    private int forwardPort = -1;

    private Engine(EngineConfig config) {
        this.config = config;
    }

    /** Starts an engine; on failure everything it had started is released again. */
    public static Engine start(EngineConfig config) {
        Engine engine = new Engine(config);
        try {
            engine.boot();
            return engine;
        } catch (RuntimeException | Error e) {
            engine.release();
            throw e;
        }
    }

    private void boot() {
        EngineLogging.quietLibraries();
        Run run = config.run();
        SSLContext ssl = config.tls().map(TlsContexts::load).orElse(null);
        threads = HandlerThreads.of(run);
        accessLog = new AccessLog(openSink(), config.logOff(), System.getProperty("skitai.worker", "M"),
                connections::get);
        MountTargets targets = new MountTargets(config, threads);
        try {
            HttpHandler router = new Router(targets.build());
            gate = new GracefulShutdownHandler(new AccessLogHandler(accessLog, connections,
                    new RequestGuard(config.limits(), router)));
        } finally {
            apps = List.copyOf(targets.startedApps());
        }
        undertow = builder(ssl).build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            throw bindFailure(e);
        }
        port = boundPort(0);
        if (config.forward().isPresent()) {
            forwardPort = boundPort(1);
        }
        LOG.log(Level.INFO, "{0} serving {1}://{2}:{3,number,#} on {4}", run.name(), ssl == null ? "http" : "https",
                run.address(), port, threads);
    }

    private Undertow.Builder builder(SSLContext ssl) {
        Run run = config.run();
        EngineConfig.Timeouts t = config.timeouts();
        EngineConfig.Limits l = config.limits();
        Undertow.Builder b = Undertow.builder()
                .setByteBufferPool(buffers())
                .setWorkerThreads(Math.max(4, Runtime.getRuntime().availableProcessors()))
                .setServerOption(UndertowOptions.ENABLE_HTTP2, true)
                .setServerOption(UndertowOptions.HTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, l.maxConcurrentStreams())
                .setServerOption(UndertowOptions.MAX_CONCURRENT_REQUESTS_PER_CONNECTION, l.maxConcurrentStreams())
                .setServerOption(UndertowOptions.HTTP2_SETTINGS_MAX_HEADER_LIST_SIZE, l.maxHeaderBytes())
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, l.parserCap())
                .setServerOption(UndertowOptions.MAX_HEADERS, 2 * l.maxHeaderCount())
                // Body limits are per mount (BodyLimit, BodyReader): Undertow 2.3.27 fixes a chunked body's
                // limit when the request starts and drops the connection without a response.
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, Long.MAX_VALUE)
                .setServerOption(UndertowOptions.ALLOW_ENCODED_SLASH, false)
                .setServerOption(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, false)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, (int) t.keepAlive().toMillis())
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) Math.min(t.header().toMillis(), t.request().toMillis()))
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, (int) Math.max(t.keepAlive().toMillis(), t.request().toMillis()))
                .setSocketOption(Options.READ_TIMEOUT, (int) t.request().toMillis())
                .setSocketOption(Options.WRITE_TIMEOUT, (int) t.request().toMillis())
                .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false);
        if (ssl == null) {
            b.addHttpListener(run.port(), run.address(), gate);
        } else {
            b.addHttpsListener(run.port(), run.address(), ssl, gate);
        }
        config.forward().ifPresent(f -> b.addHttpListener(f.httpPort(), run.address(),
                new ForwardHandler(() -> f.httpsPort() > 0 ? f.httpsPort() : port)));
        return b;
    }

    /**
     * Undertow's default pool caches buffers per thread; with a virtual thread per request every
     * request would allocate (and strand) its own direct buffers. No thread-local cache here.
     */
    private static DefaultByteBufferPool buffers() {
        return new DefaultByteBufferPool(true, 16 * 1024 - 20, -1, 0);
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
            EngineLogging.toFile(dir.resolve("server.log"));
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

    public int forwardPort() {
        if (forwardPort < 0) {
            throw new IllegalStateException("no forward listener: call enableForward(httpPort, httpsPort) before start");
        }
        return forwardPort;
    }

    /** Closes the listeners first, drains in-flight requests (bounded), then stops everything. */
    public void stop() {
        try {
            if (undertow != null) {
                Listeners.closeAccepting(undertow);
            }
            if (gate != null) {
                gate.shutdown();
                gate.awaitShutdown(config.timeouts().drain().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            release();
            stopped.countDown();
        }
    }

    private void release() {
        if (undertow != null) {
            undertow.stop();
            undertow = null;
        }
        for (int i = apps.size() - 1; i >= 0; i--) {
            try {
                apps.get(i).stop();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "an app failed to stop cleanly", e);
            }
        }
        if (threads != null) {
            threads.close();
        }
        if (accessLog != null) {
            accessLog.close();
        }
    }

    public void awaitStop() throws InterruptedException {
        stopped.await();
    }
}
