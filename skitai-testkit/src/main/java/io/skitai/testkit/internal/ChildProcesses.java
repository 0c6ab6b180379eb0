package io.skitai.testkit.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every child JVM the testkit has started and not yet stopped, with one JVM shutdown hook that
 * kills whatever is left, so no test run leaves a server behind.
 */
public final class ChildProcesses {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killAll, "skitai-testkit-children"));
    }

    private ChildProcesses() {}

    /** Tracks a started process. */
    public static void register(Process process) {
        LIVE.add(process);
    }

    /** How many tracked processes are still alive. */
    public static int alive() {
        LIVE.removeIf(p -> !p.isAlive());
        return LIVE.size();
    }

    /**
     * Stops a process and its descendants: a polite TERM first (Skitai drains and exits), then a
     * KILL after {@code graceSeconds}; returns once it is gone and untracked.
     */
    public static void stop(Process process, long graceSeconds) {
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            process.destroy();
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            descendants.forEach(ProcessHandle::destroyForcibly);
            LIVE.remove(process);
        }
    }

    private static void killAll() {
        for (Process p : LIVE) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
