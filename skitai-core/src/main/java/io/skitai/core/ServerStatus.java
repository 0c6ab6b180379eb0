package io.skitai.core;

import io.skitai.core.internal.process.StatusPage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of a running server (Python's {@code was.status()}): its processes, uptime,
 * connections and requests served, and the sections other modules add
 * ({@link SkitaiServer#addStatusSection}, e.g. the was module's upstream pools). A route may return
 * it (rendered as JSON) or {@link #toHtml()}; {@link StatusDashboard} serves it as a live page.
 *
 * @param name        the server's name
 * @param mode        {@code "single"} (one process) or {@code "workers"} (a master and workers)
 * @param pid         the process that took this snapshot
 * @param masterPid   the master's pid (0 in single mode)
 * @param startedAt   when the server (the master, in worker mode) started, epoch ms
 * @param uptimeSeconds seconds since then
 * @param workers     the worker processes (in single mode, this process alone)
 * @param requests    requests served by all of them (workers publish their counts every 200 ms)
 * @param connections connections open on all of them
 * @param restarts    workers replaced since the server started (after an exit, a recycle, HUP, a
 *                    reload or the CPU critical point; 0 in single mode)
 * @param sections    extra sections by name
 */
public record ServerStatus(String name, String mode, long pid, long masterPid, long startedAt, long uptimeSeconds,
                           List<Worker> workers, long requests, long connections, long restarts,
                           Map<String, Object> sections) {

    /** Freezes the lists. */
    public ServerStatus {
        workers = List.copyOf(workers);
        sections = Map.copyOf(sections);
    }

    /**
     * One worker process.
     *
     * @param index   worker number ({@code worker #index} in {@code ps})
     * @param state   {@code "starting"} or {@code "serving"}; {@code "spare"} for the master's spare
     *                worker (index -1: booted, not listening, shown once booted)
     * @param self    whether it is the process that took the snapshot
     */
    public record Worker(int index, long pid, String state, long startedAt, long uptimeSeconds, long requests,
                         long connections, boolean self) {}

    /** The snapshot as JSON. */
    public String toJson() {
        return new String(Json.bytes(this), StandardCharsets.UTF_8);
    }

    /** The snapshot as a small static HTML page; {@link StatusDashboard} serves a live one. */
    public String toHtml() {
        return StatusPage.render(this);
    }
}
