package io.skitai.testkit;

import io.skitai.testkit.internal.ChildProcesses;
import io.skitai.testkit.internal.FreePorts;
import io.skitai.testkit.internal.ListeningSockets;
import io.skitai.testkit.internal.OutputTail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A program run with several worker processes, for tests of the process model (Linux):
 * {@code java -cp <class path> <main> --skitai-port=N --skitai-address=127.0.0.1 --skitai-workers=W
 * --skitai-rundir=target/skitai-testkit/run-N <args>} in a child JVM, which launches the master, which launches the workers. It finds them by their
 * command lines ({@code skitai(<name>): master}, {@code ... worker #i}) and tells which of them listen.
 *
 * <pre>{@code
 * try (MultiProcessServer server = MultiProcessServer.start(MyMain.class, 2)) {
 *     server.awaitWorkers(2, Duration.ofSeconds(30));
 *     long before = server.workers().get(0).pid();
 *     server.signalMaster("HUP");
 *     ...
 * }
 * }</pre>
 *
 * <p>Closing it sends TERM to the launcher (which forwards it to the master), then kills whatever
 * of the tree is left after a grace period.
 */
public final class MultiProcessServer implements AutoCloseable {

    private static final int TAIL_LINES = 60;

    private final Process launcher;
    private final int port;
    private final Path log;

    private MultiProcessServer(Process launcher, int port, Path log) {
        this.launcher = launcher;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code main} with {@code workers} workers on a free port and waits until they all listen. */
    public static MultiProcessServer start(Class<?> main, int workers, String... args) {
        return start(main, workers, List.of(args), List.of("-Xmx160m", "-XX:TieredStopAtLevel=1"));
    }

    /** {@link #start(Class, int, String...)} with JVM options of your own (they reach every process). */
    public static MultiProcessServer start(Class<?> main, int workers, List<String> args, List<String> jvmArgs) {
        int port = FreePorts.pick();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        try {
            Path log = logFile(main, port);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName(),
                    "--skitai-port=" + port, "--skitai-address=" + FreePorts.LOOPBACK, "--skitai-workers=" + workers,
                    "--skitai-rundir=" + log.resolveSibling("run-" + port)));
            command.addAll(args);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ChildProcesses.register(p);
            p.getOutputStream().close();
            MultiProcessServer server = new MultiProcessServer(p, port, log);
            try {
                server.awaitWorkers(workers, Duration.ofSeconds(60));
            } catch (RuntimeException | Error e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + main.getName() + ": " + e.getMessage(), e);
        }
    }

    private static Path logFile(Class<?> main, int port) throws IOException {
        Path target = Path.of("target");
        Path dir = Files.isDirectory(target) ? target.resolve("skitai-testkit")
                : Path.of(System.getProperty("java.io.tmpdir"), "skitai-testkit");
        Files.createDirectories(dir);
        return dir.resolve(main.getSimpleName() + "-workers-" + port + ".log");
    }

    /** The port every worker listens on. */
    public int port() {
        return port;
    }

    /** A new client for the server (close it, or use try-with-resources). */
    public TestClient client() {
        return TestClient.of(FreePorts.LOOPBACK, port);
    }

    /** The JVM the test started, which runs the master. */
    public ProcessHandle launcher() {
        return launcher.toHandle();
    }

    /** The launcher's exit status, once it has exited. */
    public Optional<Integer> exitStatus() {
        return launcher.isAlive() ? Optional.empty() : Optional.of(launcher.exitValue());
    }

    /** The master process, if it runs. */
    public Optional<ProcessHandle> master() {
        return launcher.children().filter(p -> commandLine(p).contains("): master")).findFirst();
    }

    /** The worker processes that run now (draining ones included), oldest first. */
    public List<ProcessHandle> workers() {
        return master().map(m -> m.children().filter(p -> commandLine(p).contains("): worker #"))
                .sorted((a, b) -> a.info().startInstant().orElse(java.time.Instant.EPOCH)
                        .compareTo(b.info().startInstant().orElse(java.time.Instant.EPOCH)))
                .toList()).orElse(List.of());
    }

    /**
     * The master's spare workers ({@code skitai(<name>): spare worker}): booted JVMs the master
     * calls in when a worker dies. A spare called in keeps that command line until a proper
     * {@code worker #i} replaces it.
     */
    public List<ProcessHandle> spares() {
        return master().map(m -> m.children().filter(p -> commandLine(p).contains("): spare worker")).toList())
                .orElse(List.of());
    }

    /** Whether process {@code p} listens on the port now. */
    public boolean listens(ProcessHandle p) {
        return ListeningSockets.listens(p.pid(), port);
    }

    /** The workers that listen on the port now. */
    public List<ProcessHandle> listeningWorkers() {
        return workers().stream().filter(w -> ListeningSockets.listens(w.pid(), port)).toList();
    }

    /** Every process of the tree that is alive: launcher, master, workers. */
    public List<ProcessHandle> aliveProcesses() {
        List<ProcessHandle> all = new ArrayList<>();
        if (launcher.isAlive()) {
            all.add(launcher.toHandle());
        }
        launcher.descendants().filter(ProcessHandle::isAlive).forEach(all::add);
        return all;
    }

    /** The command line of a process ({@code ps -o args}). */
    public static String commandLine(ProcessHandle p) {
        return p.info().commandLine().orElse("");
    }

    /**
     * Waits until exactly {@code count} workers run and every one of them listens.
     *
     * @throws AssertionError with the server's output when they do not within {@code timeout}
     */
    public List<ProcessHandle> awaitWorkers(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!launcher.isAlive()) {
                throw new AssertionError("the server exited with status " + launcher.exitValue() + ":\n" + output());
            }
            List<ProcessHandle> workers = workers();
            if (workers.size() == count && workers.stream().allMatch(w -> ListeningSockets.listens(w.pid(), port))) {
                return workers;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError(count + " listening workers expected within " + timeout.toSeconds()
                        + " s, found " + workers.size() + " (" + listeningWorkers().size() + " listening):\n" + output());
            }
            sleep(10);
        }
    }

    /** Sends a signal ({@code "HUP"}, {@code "TERM"}, {@code "KILL"}...) to the master. */
    public void signalMaster(String signal) {
        ProcessHandle master = master().orElseThrow(() -> new AssertionError("no master runs:\n" + output()));
        signal(master.pid(), signal);
    }

    /** Sends a signal to a process with {@code kill -SIGNAL pid}. */
    public static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits for the launcher to exit; its status (the master's). */
    public int awaitExit(Duration timeout) {
        try {
            if (!launcher.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the server did not exit within " + timeout.toSeconds() + " s:\n" + output());
            }
            return launcher.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The last lines the server printed. */
    public String output() {
        return OutputTail.of(log, TAIL_LINES);
    }

    /** Where the server's output goes. */
    public Path log() {
        return log;
    }

    @Override
    public void close() {
        List<ProcessHandle> tree = aliveProcesses();
        ChildProcesses.stop(launcher, 40);
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public String toString() {
        return "MultiProcessServer(pid " + launcher.pid() + " on 127.0.0.1:" + port + ", output " + log + ")";
    }
}
