package io.skitai.core.internal.process;

import java.io.IOException;

/**
 * One worker JVM the master launched: its number, its slot in the shared table and its process.
 * The master keeps the worker's stdin pipe open; when the master dies the pipe closes and the
 * worker stops by itself.
 */
final class WorkerProcess {

    private final int index;
    private final int slot;
    private final Process process;
    private boolean everReady;

    WorkerProcess(int index, int slot, Process process) {
        this.index = index;
        this.slot = slot;
        this.process = process;
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
        return "worker #" + index + " (pid " + process.pid() + ")";
    }
}
