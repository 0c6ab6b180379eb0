package io.skitai.core.internal;

import io.skitai.core.Run;
import io.skitai.core.daemon.Daemon;
import io.skitai.core.daemon.DaemonSpec;
import io.skitai.core.daemon.JavaCommand;
import io.skitai.core.daemon.RunDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The engine's daemon words ({@code start stop restart status -d -s -r}): the same program, with
 * the same options less the daemon word, runs detached in its app directory.
 */
public final class EngineDaemon {

    private EngineDaemon() {}

    /** Runs a daemon command for the engine named {@code run.name()}; returns the exit code. */
    public static int control(String word, Run run, RunDirectory directory, Path appDirectory, Duration drain,
            List<String> extraJvmOptions) {
        JavaCommand command;
        try {
            command = JavaCommand.current(CommandLine.withoutDaemonWords(run.args()))
                    .withJvmOptions(extraJvmOptions.toArray(String[]::new));
        } catch (IllegalStateException e) {
            System.err.println("skitai: error: " + Messages.daemonUnavailable(e.getMessage()));
            return Daemon.FAILED;
        }
        DaemonSpec spec = DaemonSpec.of(run.name(), command)
                .withDisplayName(displayName(run.name()))
                .withRunDirectory(directory.path())
                .withWorkingDirectory(appDirectory)
                .withStopTimeout(drain.plusSeconds(15));
        return Daemon.of(spec).control(word);
    }

    /** How the engine names itself in messages and in {@code ps}: {@code skitai(<name>)}. */
    public static String displayName(String name) {
        return "skitai(" + name + ")";
    }
}
