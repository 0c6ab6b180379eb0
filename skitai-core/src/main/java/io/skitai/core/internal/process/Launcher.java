package io.skitai.core.internal.process;

import io.skitai.core.daemon.JavaCommand;
import java.io.IOException;
import java.util.List;

/**
 * Starts the master in the foreground. Java cannot rewrite a process's command line, so the JVM a
 * user starts with {@code workers(n)} launches the master as a child whose command line carries
 * {@code -Dskitai.process=skitai(<name>): master} (that is what {@code ps} shows), shares its
 * terminal, forwards TERM, INT and HUP to it and exits with its status. A daemon
 * ({@code start}) is launched as the master directly, without this extra JVM.
 */
public final class Launcher {

    private Launcher() {}

    /** Runs the master for {@code name} with {@code args}; returns its exit status. */
    public static int run(String name, List<String> args) throws IOException, InterruptedException {
        List<String> command = JavaCommand.current(args)
                .withoutProperties(ProcessRole.PROCESS, ProcessRole.SLOT, ProcessRole.INSTANCE, ProcessRole.WORKER)
                .withJvmOptions("-D" + ProcessRole.PROCESS + "=" + ProcessRole.masterMarker(name))
                .toList();
        Process master = new ProcessBuilder(command).inheritIO().start();
        Signals.handle("TERM", master::destroy);
        Signals.handle("INT", master::destroy);
        Signals.handle("HUP", () -> Signals.send(master.pid(), "HUP"));
        Runtime.getRuntime().addShutdownHook(new Thread(master::destroy, "skitai-launcher"));
        return master.waitFor();
    }
}
