package io.skitai.testkit.internal;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An app's main class running in a child JVM on this JVM's class path:
 * {@code java -cp <class path> <main> --skitai-port=N --skitai-address=127.0.0.1 <args>}. Its
 * stdout and stderr go to a file under {@code target/skitai-testkit/}, whose tail is shown when it
 * fails to start. Closing it sends TERM, then KILL after a grace period.
 */
public final class ChildJvmServer implements RunningServer {

    /** How long a child may take to listen. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private static final long GRACE_SECONDS = 10;
    private static final int TAIL_LINES = 40;
    private static final int ATTEMPTS_ON_FREE_PORT = 3;

    private final Class<?> main;
    private final Process process;
    private final int port;
    private final Path log;

    private ChildJvmServer(Class<?> main, Process process, int port, Path log) {
        this.main = main;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Launches {@code main} and returns once its port accepts connections.
     *
     * @param port    the port to pass; 0 picks a free one (and retries on another when the child
     *                loses the race for it)
     * @param args    app arguments after the engine's options
     * @param jvmArgs JVM options before the class path
     * @throws IllegalStateException with the child's output tail when it exits or times out
     */
    public static ChildJvmServer start(Class<?> main, int port, List<String> args, List<String> jvmArgs,
                                       Duration timeout) {
        requireMain(main);
        if (port != 0 && FreePorts.accepts(FreePorts.LOOPBACK, port, Duration.ofMillis(500))) {
            throw new IllegalStateException(Messages.portBusy(port, main));
        }
        int attempts = port == 0 ? ATTEMPTS_ON_FREE_PORT : 1;
        IllegalStateException last = null;
        for (int i = 0; i < attempts; i++) {
            int chosen = port == 0 ? FreePorts.pick() : port;
            try {
                return launch(main, chosen, args, jvmArgs, timeout);
            } catch (PortLost e) {
                last = new IllegalStateException(e.getMessage());
            }
        }
        throw last;
    }

    private static ChildJvmServer launch(Class<?> main, int port, List<String> args, List<String> jvmArgs,
                                         Duration timeout) {
        Path log = logFile(main, port);
        List<String> command = command(main, port, args, jvmArgs);
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(Messages.childLaunch(main, e.getMessage() + " (command: " + command + ")"), e);
        }
        ChildProcesses.register(process);
        closeStdin(process);
        ChildJvmServer child = new ChildJvmServer(main, process, port, log);
        child.awaitListening(timeout);
        return child;
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                ChildProcesses.stop(process, 0);
                String tail = OutputTail.of(log, TAIL_LINES);
                String message = Messages.childExited(main, port, process.exitValue(), log, tail);
                if (tail.contains("already in use")) {
                    throw new PortLost(message);
                }
                throw new IllegalStateException(message);
            }
            if (FreePorts.accepts(FreePorts.LOOPBACK, port, Duration.ofMillis(250))) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                ChildProcesses.stop(process, 2);
                throw new IllegalStateException(Messages.childTimeout(main, port, timeout.toSeconds(), log,
                        OutputTail.of(log, TAIL_LINES)));
            }
            sleep(50);
        }
    }

    static List<String> command(Class<?> main, int port, List<String> args, List<String> jvmArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin",
                File.separatorChar == '\\' ? "java.exe" : "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.add("--skitai-port=" + port);
        command.add("--skitai-address=" + FreePorts.LOOPBACK);
        command.addAll(args);
        return command;
    }

    private static void requireMain(Class<?> main) {
        try {
            Method m = main.getMethod("main", String[].class);
            if (!Modifier.isStatic(m.getModifiers())) {
                throw new IllegalStateException(Messages.noMain(main));
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(Messages.noMain(main), e);
        }
    }

    private static Path logFile(Class<?> main, int port) {
        Path target = Path.of("target");
        Path dir = Files.isDirectory(target) ? target.resolve("skitai-testkit")
                : Path.of(System.getProperty("java.io.tmpdir"), "skitai-testkit");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException(Messages.childLaunch(main, "cannot create " + dir + ": " + e), e);
        }
        return dir.resolve(main.getSimpleName() + "-" + port + ".log");
    }

    private static void closeStdin(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // The child simply keeps an open stdin.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a child JVM to listen", e);
        }
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /** Where the child's output goes. */
    public Path log() {
        return log;
    }

    /** Whether the child is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public String host() {
        return FreePorts.LOOPBACK;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String describe() {
        return "runs " + main.getName() + " in a child JVM";
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, GRACE_SECONDS);
    }

    @Override
    public String toString() {
        return main.getName() + " in child JVM pid " + process.pid() + " on 127.0.0.1:" + port + " (output: " + log + ")";
    }

    /** The child lost the race for a free port to someone else. */
    private static final class PortLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortLost(String message) {
            super(message, null, false, false);
        }
    }
}
