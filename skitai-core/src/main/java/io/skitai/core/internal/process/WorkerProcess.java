package io.skitai.core.internal.process;

import java.io.IOException;

/**
 * One worker JVM the master launched: its number (-1 for the spare), its slot in the shared table
 * and its process. The master keeps the worker's stdin pipe open; when the master dies the pipe
 * closes and the worker stops by itself. The master calls its spare in through that pipe.
 */
final class WorkerProcess {

    private final int index;
    private final int slot;
    private final Process process;
    private final boolean calledIn;
    private boolean everReady;

    WorkerProcess(int index, int slot, Process process) {
        this(index, slot, process, false);
    }

    private WorkerProcess(int index, int slot, Process process, boolean calledIn) {
        this.index = index;
        this.slot = slot;
        this.process = process;
        this.calledIn = calledIn;
    }

    /** Whether this is a spare called in for a worker that exited (a proper worker replaces it). */
    boolean calledIn() {
        return calledIn;
    }

    int index() {
        return index;
    }

    int slot() {
        return slot;
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Whether the worker serves: its slot names its pid and is marked ready. */
    boolean ready(Scoreboard board) {
        if (!everReady) {
            Scoreboard.Slot s = board.slot(slot);
            everReady = s.pid() == process.pid() && s.ready();
        }
        return everReady;
    }

    boolean isSpare() {
        return index < 0;
    }

    /**
     * Calls this spare in as worker {@code workerIndex}: it listens at once. Returns the worker it
     * becomes (not ready until it has claimed its slot again), or empty when the pipe is broken.
     */
    java.util.Optional<WorkerProcess> callIn(int workerIndex) {
        try {
            process.getOutputStream().write(SpareCall.line(workerIndex));
            process.getOutputStream().flush();
            return java.util.Optional.of(new WorkerProcess(workerIndex, slot, process, true));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Dismisses a spare: the end of its pipe makes it stop its apps and exit 0. */
    void dismiss() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    boolean everReady() {
        return everReady;
    }

    /** TERM: the worker closes its listener, serves what is in flight and exits. */
    void terminate() {
        process.destroy();
    }

    void kill() {
        process.destroyForcibly();
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // The pipe goes with the process.
        }
    }

    @Override
    public String toString() {
        return (index < 0 ? "spare worker" : "worker #" + index) + " (pid " + process.pid() + ")";
    }
}
