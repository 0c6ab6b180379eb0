package io.skitai.core;

import io.skitai.core.daemon.RunDirectory;
import io.skitai.core.internal.process.ProcessSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The process-model part of a server's configuration ({@link ServerBuilder#processes()}): where
 * the run directory is, the keys of the state the worker processes share and where it lives, when
 * a worker is replaced for its CPU use, and whether a spare worker is kept. Frozen with its
 * builder; {@link Skitai}'s facade has every option under the same name.
 */
public final class ProcessOptions {

    private final Consumer<String> open;
    private ProcessSettings processSettings = ProcessSettings.DEFAULTS;
    private Path runDirectory;

    ProcessOptions(Consumer<String> open) {
        this.open = open;
    }

    private void open(String setting) {
        open.accept(setting);
    }

    Optional<Path> runDirectory() {
        return Optional.ofNullable(runDirectory);
    }

    ProcessSettings settings() {
        return processSettings;
    }

    /**
     * The run directory: where the daemon's pid file and logs go, and the files the worker processes
     * share. Default: {@code ~/.skitai/<name>} (see {@link RunDirectory#defaultFor(String)});
     * {@code --skitai-rundir=DIR} on the command line sets it too.
     */
    public ProcessOptions setRunDirectory(Path directory) {
        open("setRunDirectory");
        runDirectory = directory;
        return this;
    }

    /**
     * Declares last-update keys (Python's {@code skitai.deflu}) for {@link SharedState#setlu} and
     * {@link SharedState#getlu}, e.g. model or table names. Only declared keys can be used.
     */
    public ProcessOptions deflu(String... keys) {
        open("deflu");
        processSettings = processSettings.withLuKeys(keys);
        return this;
    }

    /** Declares global-state keys (Python's {@code skitai.defgs}) for {@link SharedState#setgs}/{@code getgs}. */
    public ProcessOptions defgs(String... keys) {
        open("defgs");
        processSettings = processSettings.withGsKeys(keys);
        return this;
    }

    /**
     * Keeps the shared state ({@link SkitaiServer#sharedState()}) on a Redis server instead of the memory-mapped
     * file, so workers on several machines share it: {@code redis://host:6379/0}. Needs
     * {@code io.lettuce:lettuce-core} on the class path. Keys go under {@code skitai:<name>:}.
     */
    public ProcessOptions shareStateOnRedis(String uri) {
        open("shareStateOnRedis");
        processSettings = processSettings.withRedis(uri);
        return this;
    }

    /**
     * Python's {@code set_worker_critical_point}: the master replaces a worker whose CPU use stays
     * over {@code cpuPercent} in {@code continuous} consecutive samples taken every {@code interval}
     * (a new worker starts first, then the old one drains). Only with {@code workers(n)}, n &gt; 1.
     */
    public ProcessOptions setWorkerCriticalPoint(double cpuPercent, int continuous, Duration interval) {
        open("setWorkerCriticalPoint");
        processSettings = processSettings.withCriticalPoint(
                Optional.of(new ProcessSettings.CriticalPoint(cpuPercent, continuous, interval)));
        return this;
    }

    /** Seconds form of {@link #setWorkerCriticalPoint(double, int, Duration)}; an interval of 0 turns it off. */
    public ProcessOptions setWorkerCriticalPoint(double cpuPercent, int continuous, long intervalSeconds) {
        open("setWorkerCriticalPoint");
        if (intervalSeconds == 0) {
            processSettings = processSettings.withCriticalPoint(Optional.empty());
            return this;
        }
        return setWorkerCriticalPoint(cpuPercent, continuous, Duration.ofSeconds(intervalSeconds));
    }

    /**
     * Whether the master keeps a spare worker (default on; with {@code workers(n)}, n &gt; 1): a
     * booted worker JVM, apps started, not listening, called in the moment a worker dies (see the
     * README's "Workers"). Apps must tolerate starting in a process that may never serve.
     */
    public ProcessOptions setSpareWorker(boolean keep) {
        open("setSpareWorker");
        processSettings = processSettings.withSpareWorker(keep);
        return this;
    }

    @Override
    public String toString() {
        return "ProcessOptions(" + processSettings + ")";
    }
}
