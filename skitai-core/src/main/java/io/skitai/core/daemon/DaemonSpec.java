package io.skitai.core.daemon;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a {@link Daemon} runs and where it keeps its files. Immutable; each {@code with...} method
 * returns a changed copy.
 *
 * <pre>{@code
 * DaemonSpec spec = DaemonSpec.of("smtpda", JavaCommand.current(List.of("--verbose")))
 *         .withRunDirectory(Path.of("/var/tmp/smtpda"));
 * }</pre>
 *
 * @param name             the program's name: the default run directory's name and, unless
 *                         {@code displayName} says otherwise, how messages call it
 * @param displayName      how messages call the program, e.g. {@code skitai(myapp)}
 * @param runDirectory     where the pid file and the log files go
 * @param command          the command that runs the program in the foreground
 * @param workingDirectory the daemon's working directory
 * @param readyTimeout     how long {@code start} waits for {@link Daemon#notifyReady()}; zero: it
 *                         only checks that the program is still running shortly after launch
 * @param stopTimeout      how long {@code stop} waits after TERM before it kills the process
 */
public record DaemonSpec(String name, String displayName, RunDirectory runDirectory, JavaCommand command,
                         Path workingDirectory, Duration readyTimeout, Duration stopTimeout) {

    /** Default time allowed for a daemon to report ready. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** Default time allowed for a daemon to stop after TERM. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(45);

    /** Validates the values. */
    public DaemonSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a daemon needs a name");
        }
        if (displayName == null || displayName.isBlank()) {
            displayName = name;
        }
        if (runDirectory == null || command == null || workingDirectory == null) {
            throw new IllegalArgumentException("a daemon needs a run directory, a command and a working directory");
        }
        if (readyTimeout.isNegative() || stopTimeout.isNegative() || stopTimeout.isZero()) {
            throw new IllegalArgumentException("daemon timeouts must not be negative (and stopTimeout > 0)");
        }
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /**
     * A daemon called {@code name} running {@code command}, in the default run directory
     * ({@link RunDirectory#defaultFor(String)}) and the current working directory.
     */
    public static DaemonSpec of(String name, JavaCommand command) {
        return new DaemonSpec(name, name, RunDirectory.defaultFor(name), command, Path.of(""),
                READY_TIMEOUT, STOP_TIMEOUT);
    }

    /** A copy that messages call {@code displayName}. */
    public DaemonSpec withDisplayName(String displayName) {
        return new DaemonSpec(name, displayName, runDirectory, command, workingDirectory, readyTimeout, stopTimeout);
    }

    /** A copy with another run directory. */
    public DaemonSpec withRunDirectory(Path directory) {
        return new DaemonSpec(name, displayName, RunDirectory.at(directory), command, workingDirectory,
                readyTimeout, stopTimeout);
    }

    /** A copy with another working directory for the daemon. */
    public DaemonSpec withWorkingDirectory(Path directory) {
        return new DaemonSpec(name, displayName, runDirectory, command, directory, readyTimeout, stopTimeout);
    }

    /** A copy with another command. */
    public DaemonSpec withCommand(JavaCommand newCommand) {
        return new DaemonSpec(name, displayName, runDirectory, newCommand, workingDirectory, readyTimeout, stopTimeout);
    }

    /** A copy with another ready timeout (zero: do not wait for {@link Daemon#notifyReady()}). */
    public DaemonSpec withReadyTimeout(Duration timeout) {
        return new DaemonSpec(name, displayName, runDirectory, command, workingDirectory, timeout, stopTimeout);
    }

    /** A copy with another stop timeout. */
    public DaemonSpec withStopTimeout(Duration timeout) {
        return new DaemonSpec(name, displayName, runDirectory, command, workingDirectory, readyTimeout, timeout);
    }
}
