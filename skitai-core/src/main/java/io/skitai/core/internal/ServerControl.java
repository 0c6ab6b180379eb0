package io.skitai.core.internal;

import io.skitai.core.ServerStatus;
import io.skitai.core.SharedState;
import java.util.function.Supplier;

/**
 * What the server owning an engine offers its requests beyond the engine itself: the process
 * model's shared state, status, restart and shutdown. {@link io.skitai.core.SkitaiServer} passes
 * one to {@link Engine#prepare}; the engine's {@link io.skitai.core.ServerContext} delegates to it.
 */
public interface ServerControl {

    /** The state shared by every worker process. */
    SharedState sharedState();

    /** The channel between the server's worker processes. */
    io.skitai.core.WorkerChannel workerChannel();

    /** The server's status with its added sections. */
    ServerStatus status();

    /** Restarts this worker or the single-process engine. */
    void restart();

    /** Stops this worker (the master replaces it), or a single process, after the current requests. */
    void shutdown();

    /** Stops the whole server, every worker and the master, after the current requests. */
    void shutdownServer();

    /** Adds (or replaces) a named status section. */
    void addStatusSection(String name, Supplier<?> section);

    /** Removes the section {@code name} if it is still {@code section} (not replaced since). */
    void removeStatusSection(String name, Supplier<?> section);
}
