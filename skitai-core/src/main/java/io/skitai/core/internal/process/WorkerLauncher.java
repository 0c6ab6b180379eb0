package io.skitai.core.internal.process;

import io.skitai.core.daemon.Daemon;
import io.skitai.core.daemon.JavaCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.List;

/**
 * How a master starts its worker JVMs: this JVM's command line with the worker's role, number
 * and slot of the shared table; and which slots are taken (a worker keeps its slot until it has
 * exited, draining included).
 */
final class WorkerLauncher {

    private final String name;
    private final InstanceDirectory instance;
    private final Scoreboard board;
    private final JavaCommand command;
    private final boolean[] used;

    WorkerLauncher(String name, List<String> args, InstanceDirectory instance, Scoreboard board) {
        this.name = name;
        this.instance = instance;
        this.board = board;
        this.used = new boolean[board.slots()];
        this.command = JavaCommand.current(args).withoutProperties(ProcessRole.PROCESS, ProcessRole.SLOT,
                ProcessRole.INSTANCE, ProcessRole.WORKER, Daemon.PROPERTY, "java.nio.channels.spi.SelectorProvider");
    }

    /**
     * Launches worker #index, or the spare worker for index -1. When every slot is taken by
     * draining workers, the oldest of {@code retiring} is killed for its slot.
     */
    WorkerProcess launch(int index, List<WorkerProcess> retiring) {
        int slot = freeSlot(retiring);
        board.clearSlot(slot);
        used[slot] = true;
        String marker = index < 0 ? ProcessRole.spareMarker(name) : ProcessRole.workerMarker(name, index);
        List<String> cmd = command.withJvmOptions(ReusePortSelectorProvider.JVM_OPTIONS)
                .withJvmOptions("-D" + ProcessRole.PROCESS + "=" + marker,
                        "-D" + ProcessRole.WORKER + "=" + (index < 0 ? "S" : "W" + index),
                        "-D" + ProcessRole.SLOT + "=" + slot,
                        "-D" + ProcessRole.INSTANCE + "=" + instance.path())
                .toList();
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(Redirect.PIPE).redirectOutput(Redirect.INHERIT)
                    .redirectError(Redirect.INHERIT).start();
            return new WorkerProcess(index, slot, p);
        } catch (IOException e) {
            used[slot] = false;
            throw new UncheckedIOException("cannot launch worker #" + index + ": " + e.getMessage(), e);
        }
    }

    /** The slot of a worker that exited is free again. */
    void free(int slot) {
        used[slot] = false;
    }

    private int freeSlot(List<WorkerProcess> retiring) {
        for (int s = 0; s < used.length; s++) {
            if (!used[s]) {
                return s;
            }
        }
        WorkerProcess oldest = retiring.remove(0);
        oldest.kill();
        used[oldest.slot()] = false;
        return oldest.slot();
    }
}
