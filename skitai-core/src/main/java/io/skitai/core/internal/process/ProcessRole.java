package io.skitai.core.internal.process;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which part this JVM plays in the process model, from the system properties the master puts on
 * the command lines it launches:
 * <ul>
 *   <li>{@code -Dskitai.process=skitai(<name>): master} — the master (shown by {@code ps});</li>
 *   <li>{@code -Dskitai.process=skitai(<name>): spare worker} with the same slot and instance
 *       properties — a spare worker: booted, but not listening until its master calls it in
 *       ({@link #isSpare()}, index -1);</li>
 *   <li>{@code -Dskitai.process=skitai(<name>): worker #<i>}, {@code -Dskitai.slot=<s>},
 *       {@code -Dskitai.instance=<dir>}, {@code -Dskitai.worker=W<i>} — a worker: its number,
 *       its slot in the shared table, the directory of the master's shared files, its id in the
 *       request log;</li>
 *   <li>none of these — a program started by a user: a single process, or the launcher of a master.</li>
 * </ul>
 *
 * @param kind     master, worker or none
 * @param index    the worker number (-1 unless a worker, and for a spare)
 * @param slot     the worker's slot (-1 unless a worker)
 * @param instance the master's instance directory (empty unless a worker)
 */
public record ProcessRole(Kind kind, int index, int slot, Optional<Path> instance) {

    /** The properties on a worker's or master's command line. */
    public static final String PROCESS = "skitai.process";
    public static final String SLOT = "skitai.slot";
    public static final String INSTANCE = "skitai.instance";
    public static final String WORKER = "skitai.worker";

    private static final String SPARE = ": spare worker";

    /** The part a JVM plays. */
    public enum Kind { NONE, MASTER, WORKER }

    /** The role of this JVM. */
    public static ProcessRole current() {
        String process = System.getProperty(PROCESS, "");
        String slot = System.getProperty(SLOT);
        String instance = System.getProperty(INSTANCE);
        if (slot != null && instance != null) {
            int hash = process.lastIndexOf('#');
            int index = process.endsWith(SPARE) ? -1
                    : hash < 0 ? 0 : Integer.parseInt(process.substring(hash + 1).strip());
            return new ProcessRole(Kind.WORKER, index, Integer.parseInt(slot), Optional.of(Path.of(instance)));
        }
        if (process.endsWith(": master")) {
            return new ProcessRole(Kind.MASTER, -1, -1, Optional.empty());
        }
        return new ProcessRole(Kind.NONE, -1, -1, Optional.empty());
    }

    /** The {@code -Dskitai.process=...} value of a master. */
    public static String masterMarker(String name) {
        return "skitai(" + name + "): master";
    }

    /** The {@code -Dskitai.process=...} value of worker {@code index}. */
    public static String workerMarker(String name, int index) {
        return "skitai(" + name + "): worker #" + index;
    }

    /** The {@code -Dskitai.process=...} value of a spare worker. */
    public static String spareMarker(String name) {
        return "skitai(" + name + ")" + SPARE;
    }

    /** Whether this JVM is a spare worker (a worker that waits to be called in). */
    public boolean isSpare() {
        return kind == Kind.WORKER && index < 0;
    }

    public boolean isWorker() {
        return kind == Kind.WORKER;
    }

    public boolean isMaster() {
        return kind == Kind.MASTER;
    }
}
