package io.skitai.core;

import io.skitai.core.daemon.Daemon;
import io.skitai.core.internal.CommandLine;
import io.skitai.core.internal.EngineDaemon;
import io.skitai.core.internal.Messages;
import io.skitai.core.internal.process.Launcher;
import io.skitai.core.internal.process.Master;
import io.skitai.core.internal.process.ProcessRole;
import io.skitai.core.internal.process.Signals;
import java.io.IOException;
import java.util.List;

/**
 * {@link SkitaiServer#runMain(Run)}: one program run of a server, by the command line and this
 * process's role (daemon control, launcher, master, worker or single process). Returns the exit
 * status instead of exiting, so the caller decides.
 */
final class MainProgram {

    private MainProgram() {}

    static int run(SkitaiServer server, Run run) {
        try {
            CommandLine line = CommandLine.parse(run, run.args());
            line.runDirectory().ifPresent(server::overrideRunDirectory);
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
                return EngineDaemon.control(line.daemonCommand().get(), effective,
                        server.runDirectory(effective.name()), Skitai.getswd(), server.config().drainTimeout(), master);
            }
            if (role.isMaster()) {
                return superviseWorkers(server, effective, run.args());
            }
            if (!role.isWorker() && effective.workers() > 1) {
                return Launcher.run(effective.name(), run.args());
            }
            return serve(server, effective, role);
        } catch (StartupException e) {
            System.err.println("skitai: error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("skitai: error: " + Messages.workersUnsupported("cannot launch the master: " + e.getMessage()));
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop();
            return 0;
        }
    }

    /** Runs the master of {@code run.workers()} worker processes; returns the exit status. */
    private static int superviseWorkers(SkitaiServer server, Run run, List<String> args) {
        List<String> workerArgs = new java.util.ArrayList<>(args);
        workerArgs.add("--skitai-port=" + (run.port() != 0 ? run.port() : freePort(run.address())));
        Pref pref = server.config().pref();
        List<java.nio.file.Path> jars = io.skitai.core.internal.apps.AppTargets.watchedJars(server.config().mounts(),
                pref, CommandLine.reloadRequested(args));
        return Master.run(new Master.Plan(run.name(), run.workers(), workerArgs, server.runDirectory(run.name()),
                server.config().processSettings(), server.config().drainTimeout(), jars, pref.reloadInterval()));
    }

    /** Port 0 with workers: every worker must bind the same port, so the master picks one for all. */
    private static int freePort(String address) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(address))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new StartupException(Messages.cannotBind(address, 0, e.getMessage()), e);
        }
    }

    /**
     * Serves in this process (alone, or as one worker) until TERM or INT, then drains; 0. HUP
     * restarts a single process in place; a worker ignores it (the master handles HUP) and stops
     * when its master goes away (its stdin, a pipe from the master, closes).
     */
    private static int serve(SkitaiServer server, Run run, ProcessRole role) throws InterruptedException {
        server.start(run);
        if (!server.isRunning()) {
            // A spare worker dismissed by its master (or orphaned) before it was called in.
            return 0;
        }
        Runnable stop = server::stop;
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
            Signals.handle("HUP", server::restart);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "skitai-shutdown"));
        Daemon.notifyReady();
        server.await();
        return 0;
    }
}
