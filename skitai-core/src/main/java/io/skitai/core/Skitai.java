package io.skitai.core;

import io.skitai.core.daemon.Daemon;
import io.skitai.core.internal.CommandLine;
import io.skitai.core.internal.EngineDaemon;
import io.skitai.core.internal.Messages;
import io.skitai.core.internal.process.Launcher;
import io.skitai.core.internal.process.ProcessRole;
import io.skitai.core.internal.process.Signals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The static facade most programs use: mount things, set options, {@link #run(Run)}. It drives
 * one default {@link SkitaiServer}; tests build their own servers instead.
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

    private static final SkitaiServer SERVER = SkitaiServer.create();

    private Skitai() {}

    /** The default server this facade drives. */
    public static SkitaiServer server() {
        return SERVER;
    }

    /** Mounts a handler. */
    public static Mount mount(String point, Handler handler) {
        return SERVER.mount(point, handler);
    }

    /** Mounts a static directory. */
    public static Mount mount(String point, Path directory) {
        return SERVER.mount(point, directory);
    }

    /** Mounts a class by name (a {@link Handler} or {@link App}). */
    public static Mount mount(String point, String target) {
        return SERVER.mount(point, target);
    }

    /** Mounts any other target: an {@link App} (an Atila app), an Undertow {@code HttpHandler}, ... */
    public static Mount mount(String point, Object target) {
        return SERVER.mount(point, target);
    }

    /** See {@link SkitaiServer#attach(Sidecar)}: e.g. {@code Skitai.attach(GrpcServing.on(5001, service))}. */
    public static void attach(Sidecar sidecar) {
        SERVER.attach(sidecar);
    }

    /** The engine-wide preferences. */
    public static Pref pref() {
        return SERVER.pref();
    }

    /** See {@link SkitaiServer#setMaxAge(String, long)}. */
    public static void setMaxAge(String path, long seconds) {
        SERVER.setMaxAge(path, seconds);
    }

    /** See {@link SkitaiServer#setKeepAlive(Duration)}. */
    public static void setKeepAlive(long seconds) {
        SERVER.setKeepAlive(seconds);
    }

    /** See {@link SkitaiServer#setRequestTimeout(Duration)}. */
    public static void setRequestTimeout(long seconds) {
        SERVER.setRequestTimeout(seconds);
    }

    /** See {@link SkitaiServer#setBackendKeepAlive(Duration)}. */
    public static void setBackendKeepAlive(long seconds) {
        SERVER.setBackendKeepAlive(seconds);
    }

    /** See {@link SkitaiServer#alias(String, Proto, String...)}. */
    public static Alias alias(String name, Proto proto, String... servers) {
        return SERVER.alias(name, proto, servers);
    }

    /** See {@link SkitaiServer#alias(Alias)}. */
    public static Alias alias(Alias alias) {
        return SERVER.alias(alias);
    }

    /** See {@link SkitaiServer#setMaxRcache(int)}. */
    public static void setMaxRcache(int entries) {
        SERVER.setMaxRcache(entries);
    }

    /** See {@link SkitaiServer#setUpstreamTrust(Path...)}. */
    public static void setUpstreamTrust(String... pemFiles) {
        SERVER.setUpstreamTrust(java.util.Arrays.stream(pemFiles).map(Path::of).toArray(Path[]::new));
    }

    /** See {@link SkitaiServer#setUpstreamTrustOnly(Path...)}. */
    public static void setUpstreamTrustOnly(String... pemFiles) {
        SERVER.setUpstreamTrustOnly(java.util.Arrays.stream(pemFiles).map(Path::of).toArray(Path[]::new));
    }

    /** See {@link SkitaiServer#enableSsl(Path, Path, String)}. */
    public static void enableSsl(String certificate, String privateKey, String passphrase) {
        SERVER.enableSsl(Path.of(certificate), Path.of(privateKey), passphrase);
    }

    /** See {@link SkitaiServer#enableForward(int, int)}. */
    public static void enableForward(int httpPort, int httpsPort) {
        SERVER.enableForward(httpPort, httpsPort);
    }

    /** See {@link SkitaiServer#logOff(String...)}. */
    public static void logOff(String... patterns) {
        SERVER.logOff(patterns);
    }

    /** See {@link SkitaiServer#deflu(String...)}. */
    public static void deflu(String... keys) {
        SERVER.deflu(keys);
    }

    /** See {@link SkitaiServer#defgs(String...)}. */
    public static void defgs(String... keys) {
        SERVER.defgs(keys);
    }

    /** See {@link SkitaiServer#setWorkerCriticalPoint(double, int, long)}. */
    public static void setWorkerCriticalPoint(double cpuPercent, int continuous, long intervalSeconds) {
        SERVER.setWorkerCriticalPoint(cpuPercent, continuous, intervalSeconds);
    }

    /** See {@link SkitaiServer#setSpareWorker(boolean)}. */
    public static void setSpareWorker(boolean keep) {
        SERVER.setSpareWorker(keep);
    }

    /** See {@link SkitaiServer#shareStateOnRedis(String)}. */
    public static void shareStateOnRedis(String uri) {
        SERVER.shareStateOnRedis(uri);
    }

    /** See {@link SkitaiServer#setRunDirectory(Path)}. */
    public static void setRunDirectory(String directory) {
        SERVER.setRunDirectory(Path.of(directory));
    }

    /** See {@link SkitaiServer#enableFileLogging(Path)}. */
    public static void enableFileLogging(String directory) {
        SERVER.enableFileLogging(Path.of(directory));
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
        try {
            CommandLine line = CommandLine.parse(run, run.args());
            line.runDirectory().ifPresent(SERVER::setRunDirectory);
            Run effective = line.run();
            ProcessRole role = ProcessRole.current();
            if (effective.workers() > 1 && !System.getProperty("os.name", "").toLowerCase().contains("linux")) {
                throw new StartupException(Messages.workersUnsupported(
                        "the kernel must spread connections over the workers' SO_REUSEPORT sockets, which Linux does"));
            }
            if (line.daemonCommand().isPresent()) {
                List<String> master = effective.workers() > 1
                        ? List.of("-D" + ProcessRole.PROCESS + "=" + ProcessRole.masterMarker(effective.name()))
                        : List.of();
                System.exit(EngineDaemon.control(line.daemonCommand().get(), effective,
                        SERVER.runDirectory(effective.name()), getswd(), SERVER.drainTimeout(), master));
            }
            if (role.isMaster()) {
                System.exit(SERVER.superviseWorkers(effective, run.args()));
            }
            if (!role.isWorker() && effective.workers() > 1) {
                System.exit(Launcher.run(effective.name(), run.args()));
            }
            serve(effective, role);
        } catch (StartupException e) {
            System.err.println("skitai: error: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("skitai: error: " + Messages.workersUnsupported("cannot launch the master: " + e.getMessage()));
            System.exit(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            SERVER.stop();
        }
    }

    /**
     * Serves in this process (alone, or as one worker) until TERM or INT, then drains and exits 0.
     * HUP restarts a single process in place; a worker ignores it (the master handles HUP) and stops
     * when its master goes away (its stdin, a pipe from the master, closes).
     */
    private static void serve(Run run, ProcessRole role) throws InterruptedException {
        SERVER.start(run);
        if (!SERVER.isRunning()) {
            // A spare worker dismissed by its master (or orphaned) before it was called in.
            System.exit(0);
        }
        Runnable stop = SERVER::stop;
        Signals.handle("TERM", stop);
        Signals.handle("INT", stop);
        if (role.isWorker()) {
            Signals.handle("HUP", () -> { });
            Thread.ofPlatform().daemon().name("skitai-master-watch").start(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // The master never writes; only the end of the pipe matters.
                    }
                } catch (IOException ignored) {
                    // A broken pipe also means the master is gone.
                }
                stop.run();
            });
        } else {
            Signals.handle("HUP", SERVER::restart);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop, "skitai-shutdown"));
        Daemon.notifyReady();
        SERVER.await();
        System.exit(0);
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
