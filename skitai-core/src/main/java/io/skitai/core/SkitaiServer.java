package io.skitai.core;

import io.skitai.core.daemon.RunDirectory;
import io.skitai.core.internal.Engine;
import io.skitai.core.internal.Messages;
import io.skitai.core.internal.ServerControl;
import io.skitai.core.internal.process.ProcessContext;
import io.skitai.core.internal.process.ProcessRole;
import io.skitai.core.internal.process.Scoreboard;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A running (or runnable) server over one frozen {@link ServerConfig}: {@link #start(Run)},
 * {@link #stop()}, {@link #restart()} (with the same configuration), status and shared state, or
 * {@link #runMain(Run)} for a whole program with workers and daemon words. {@link Skitai} is a
 * static facade over a default one; tests create their own.
 *
 * <pre>{@code
 * SkitaiServer server = SkitaiServer.create(config -> config.mount("/", ex -> ex.send("Hello")));
 * server.start(Run.port(0));
 * int port = server.port();
 * server.stop();
 * }</pre>
 */
public final class SkitaiServer implements AutoCloseable {

    private final ServerConfig config;
    private final Map<String, Supplier<?>> statusSections = new ConcurrentHashMap<>();
    private volatile Path runDirectory;
    private volatile Engine engine;
    private volatile ProcessContext process;
    private volatile Run running;
    private volatile boolean restarting;
    /** What requests reach through {@link Exchange#server()}: this server's process-model operations. */
    private final ServerControl control = new ServerOperations(this, statusSections);

    private SkitaiServer(ServerConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    /** A server, not started, over a built configuration. */
    public static SkitaiServer create(ServerConfig config) {
        return new SkitaiServer(config);
    }

    /** A server, not started, configured by {@code setup} (the builder is frozen afterwards). */
    public static SkitaiServer create(Consumer<ServerBuilder> setup) {
        ServerBuilder builder = ServerBuilder.create();
        setup.accept(builder);
        return new SkitaiServer(builder.build());
    }

    /** The configuration this server runs with. */
    public ServerConfig config() {
        return config;
    }

    /**
     * Runs this server as a whole program (what {@link Skitai#run(Run)} does before it exits with
     * the result): the command line's {@code --skitai-*} options over {@code run}, a daemon word
     * ({@code start stop restart status}, {@code -d -s -r}), a master with {@code run.workers()}
     * worker processes, or one serving process until TERM or INT. Returns the exit status: 0, or
     * 2 with one line on stderr when the configuration cannot run.
     */
    public int runMain(Run run) {
        return MainProgram.run(this, run);
    }

    /** The run directory of a server called {@code name}: the command line's, the configured one or the default. */
    public RunDirectory runDirectory(String name) {
        Path override = runDirectory;
        return override != null ? RunDirectory.at(override) : config.runDirectory(name);
    }

    /** Uses {@code directory} as the run directory (the command line's {@code --skitai-rundir}). */
    void overrideRunDirectory(Path directory) {
        runDirectory = directory;
    }

    /**
     * Adds a named section to {@link #status()}, computed on each call (from a request:
     * {@code exchange.server().addStatusSection(..)}; the was module adds its upstream pools).
     */
    public SkitaiServer addStatusSection(String name, Supplier<?> section) {
        statusSections.put(name, section);
        return this;
    }

    /** The state shared by every worker process of this server (see {@link SharedState}). */
    public SharedState sharedState() {
        return context().state();
    }

    /** The channel between this server's worker processes (see {@link WorkerChannel}). */
    public WorkerChannel workerChannel() {
        return context().channel();
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
                System.getLogger("io.skitai.core").log(System.Logger.Level.ERROR, "the server could not start again", e);
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
        if (engine != null || process != null) {
            throw new IllegalStateException(Messages.alreadyStarted());
        }
        ProcessRole role = ProcessRole.current();
        if (run.workers() > 1 && !role.isWorker()) {
            System.getLogger("io.skitai.core").log(System.Logger.Level.WARNING, "workers({0}) takes effect through"
                    + " runMain (or Skitai.run); start runs one process", run.workers());
        }
        ProcessContext ctx = ProcessContext.open(run.name(), role, config.processSettings());
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
        Engine prepared = Engine.prepare(config.engineConfig(run), control, config.sidecars());
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
}
