package io.skitai.core.daemon;

import io.skitai.core.internal.Messages;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs any Java program as a daemon: {@code start} launches it detached in a new JVM (stdin from
 * {@code /dev/null}, stdout and stderr appended to log files in the run directory, a pid file),
 * {@code stop} sends it TERM and waits, {@code restart} does both, {@code status} says whether it
 * runs. The Skitai engine uses it for {@code start|stop|restart|status} and {@code -d|-s|-r};
 * other programs use it the same way:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     if (args.length > 0 && Daemon.isCommand(args[0])) {
 *         DaemonSpec spec = DaemonSpec.of("smtpda", JavaCommand.current(List.of()));
 *         System.exit(Daemon.of(spec).control(args[0]));
 *     }
 *     startServing();
 *     Daemon.notifyReady();     // tells a waiting 'start' that the daemon is up
 *     ...
 * }
 * }</pre>
 *
 * <p>Exit codes: {@link #OK}; {@link #FAILED} when a start fails, when stopping a daemon that is not
 * running, or when it had to be killed; {@link #NOT_RUNNING} from {@code status} when it is not running.
 * A pid file whose process is gone, or whose pid now belongs to another program, counts as not running.
 */
public final class Daemon {

    /** The system property ({@code -Dskitai.daemon=<run directory>}) that marks a daemon's JVM. */
    public static final String PROPERTY = "skitai.daemon";
    /** Exit code: done. */
    public static final int OK = 0;
    /** Exit code: the command failed (or there was nothing to stop). */
    public static final int FAILED = 1;
    /** Exit code of {@code status} when the daemon is not running (as LSB init scripts do). */
    public static final int NOT_RUNNING = 3;

    private static final Set<String> WORDS = Set.of("start", "stop", "restart", "status", "-d", "-s", "-r");
    private static final Duration START_SETTLE = Duration.ofMillis(500);
    private static final int TAIL_LINES = 20;
    private static final AtomicBoolean CLEANUP_INSTALLED = new AtomicBoolean();

    private final DaemonSpec spec;

    private Daemon(DaemonSpec spec) {
        this.spec = spec;
    }

    /** A daemon controller for {@code spec}. */
    public static Daemon of(DaemonSpec spec) {
        return new Daemon(spec);
    }

    /** Whether {@code word} is a daemon command: {@code start stop restart status -d -s -r}. */
    public static boolean isCommand(String word) {
        return WORDS.contains(word);
    }

    /** The spec this controller uses. */
    public DaemonSpec spec() {
        return spec;
    }

    /** Runs a daemon command, printing to {@code System.out} and {@code System.err}; returns the exit code. */
    public int control(String word) {
        return control(word, System.out, System.err);
    }

    /**
     * Runs a daemon command ({@code start} or {@code -d}, {@code stop} or {@code -s}, {@code restart}
     * or {@code -r}, {@code status}); returns the exit code.
     *
     * @throws IllegalArgumentException for any other word
     */
    public int control(String word, PrintStream out, PrintStream err) {
        return switch (word) {
            case "start", "-d" -> start(out, err);
            case "stop", "-s" -> stop(out, err);
            case "restart", "-r" -> restart(out, err);
            case "status" -> status(out);
            default -> throw new IllegalArgumentException("not a daemon command: '" + word
                    + "' (start|stop|restart|status|-d|-s|-r)");
        };
    }

    /** The daemon's process, if it is running. */
    public Optional<ProcessHandle> running() {
        return spec.runDirectory().readPid()
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(this::isOurs);
    }

    /** Prints whether the daemon runs and its pid; {@link #OK} or {@link #NOT_RUNNING}. */
    public int status(PrintStream out) {
        Optional<ProcessHandle> live = running();
        if (live.isPresent()) {
            out.println(spec.displayName() + " is running, pid " + live.get().pid());
            return OK;
        }
        out.println(spec.displayName() + " is not running");
        return NOT_RUNNING;
    }

    /** Launches the daemon unless it runs already; waits until it reports ready (see {@link DaemonSpec}). */
    public int start(PrintStream out, PrintStream err) {
        Optional<ProcessHandle> live = running();
        if (live.isPresent()) {
            out.println(spec.displayName() + " is already running, pid " + live.get().pid());
            return OK;
        }
        RunDirectory dir = spec.runDirectory().create();
        RunDirectory.deleteQuietly(dir.pidFile());
        RunDirectory.deleteQuietly(dir.readyFile());
        Process process;
        try {
            process = new ProcessBuilder(launchCommand())
                    .directory(spec.workingDirectory().toFile())
                    .redirectInput(Redirect.from(nullDevice()))
                    .redirectOutput(Redirect.appendTo(dir.stdoutLog().toFile()))
                    .redirectError(Redirect.appendTo(dir.stderrLog().toFile()))
                    .start();
        } catch (IOException e) {
            err.println(Messages.daemonLaunch(spec.displayName(), e.getMessage()));
            return FAILED;
        }
        dir.writePid(process.pid());
        return awaitStarted(process, out, err);
    }

    /** Sends TERM and waits for the daemon to exit (killing it after the stop timeout). */
    public int stop(PrintStream out, PrintStream err) {
        RunDirectory dir = spec.runDirectory();
        Optional<ProcessHandle> live = running();
        if (live.isEmpty()) {
            RunDirectory.deleteQuietly(dir.pidFile());
            out.println(spec.displayName() + " is not running");
            return FAILED;
        }
        ProcessHandle process = live.get();
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        boolean exited = awaitExit(process, spec.stopTimeout());
        if (!exited) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(5));
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(d -> awaitExit(d, Duration.ofSeconds(5)));
        RunDirectory.deleteQuietly(dir.pidFile());
        RunDirectory.deleteQuietly(dir.readyFile());
        if (!exited) {
            err.println(Messages.daemonKilled(spec.displayName(), process.pid(), spec.stopTimeout().toSeconds()));
            return FAILED;
        }
        out.println(spec.displayName() + " stopped (pid " + process.pid() + ")");
        return OK;
    }

    /** Stops the daemon if it runs, then starts it. */
    public int restart(PrintStream out, PrintStream err) {
        if (running().isPresent()) {
            stop(out, err);
        }
        return start(out, err);
    }

    /**
     * In a daemon's JVM: tells a waiting {@code start} that the program is up (writes the readiness
     * marker) and removes the pid file when the JVM exits. Anywhere else: does nothing.
     */
    public static void notifyReady() {
        current().ifPresent(dir -> {
            long pid = ProcessHandle.current().pid();
            RunDirectory.writeAtomically(dir.readyFile(), Long.toString(pid));
            if (CLEANUP_INSTALLED.compareAndSet(false, true)) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    if (dir.readPid().filter(p -> p == pid).isPresent()) {
                        RunDirectory.deleteQuietly(dir.pidFile());
                        RunDirectory.deleteQuietly(dir.readyFile());
                    }
                }, "skitai-daemon-cleanup"));
            }
        });
    }

    /** The run directory of this JVM when it runs as a daemon (launched by {@code start}). */
    public static Optional<RunDirectory> current() {
        String dir = System.getProperty(PROPERTY);
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(RunDirectory.at(Path.of(dir)));
    }

    private List<String> launchCommand() {
        List<String> command = new ArrayList<>();
        setsid().ifPresent(command::add);
        command.addAll(spec.command().withoutProperties(PROPERTY)
                .withJvmOptions("-D" + PROPERTY + "=" + spec.runDirectory().path())
                .toList());
        return command;
    }

    private int awaitStarted(Process process, PrintStream out, PrintStream err) {
        RunDirectory dir = spec.runDirectory();
        boolean waitForReady = !spec.readyTimeout().isZero();
        long deadline = System.nanoTime() + (waitForReady ? spec.readyTimeout() : START_SETTLE).toNanos();
        while (true) {
            if (!process.isAlive()) {
                RunDirectory.deleteQuietly(dir.pidFile());
                err.println(Messages.daemonExited(spec.displayName(), process.exitValue(), dir.path(),
                        tail(dir.stderrLog()) + tail(dir.stdoutLog())));
                return FAILED;
            }
            boolean ready = waitForReady
                    ? RunDirectory.readLong(dir.readyFile()).filter(p -> p == process.pid()).isPresent()
                    : System.nanoTime() - deadline >= 0;
            if (ready) {
                out.println(spec.displayName() + " started, pid " + process.pid() + " (logs in " + dir.path() + ")");
                return OK;
            }
            if (System.nanoTime() - deadline >= 0) {
                err.println(Messages.daemonNotReady(spec.displayName(), process.pid(),
                        spec.readyTimeout().toSeconds(), dir.path()));
                return FAILED;
            }
            sleep(50);
        }
    }

    private boolean isOurs(ProcessHandle process) {
        String marker = "-D" + PROPERTY + "=" + spec.runDirectory().path();
        return process.info().commandLine().map(c -> c.contains(marker)).orElse(true);
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static Optional<String> setsid() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static File nullDevice() {
        return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    }

    private static String tail(Path log) {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            int size = (int) Math.min(f.length(), 8192);
            byte[] bytes = new byte[size];
            f.seek(f.length() - size);
            f.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            StringBuilder b = new StringBuilder();
            for (int i = Math.max(0, lines.length - TAIL_LINES); i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    b.append("\n    ").append(lines[i]);
                }
            }
            return b.toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the daemon", e);
        }
    }
}
