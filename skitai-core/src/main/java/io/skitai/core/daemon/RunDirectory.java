package io.skitai.core.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The directory a program keeps its run-time files in: the pid file, the readiness marker, the
 * daemon's log files (and, for the Skitai engine, its shared-state and lock files).
 *
 * <p>The default for a name is {@code ~/.skitai/<name>}, or {@code <tmp>/skitai-<user>/<name>}
 * when the home directory cannot be written.
 *
 * @param path the directory (absolute)
 */
public record RunDirectory(Path path) {

    /** Makes the path absolute. */
    public RunDirectory {
        if (path == null) {
            throw new IllegalArgumentException("RunDirectory needs a path");
        }
        path = path.toAbsolutePath().normalize();
    }

    /** A run directory at {@code path}. */
    public static RunDirectory at(Path path) {
        return new RunDirectory(path);
    }

    /** The default run directory of a program called {@code name}. */
    public static RunDirectory defaultFor(String name) {
        String dir = safeName(name);
        Path home = Path.of(System.getProperty("user.home", ""), ".skitai");
        if (writable(home)) {
            return new RunDirectory(home.resolve(dir));
        }
        String user = safeName(System.getProperty("user.name", "user"));
        return new RunDirectory(Path.of(System.getProperty("java.io.tmpdir"), "skitai-" + user, dir));
    }

    /** {@code name} with every character other than letters, digits, '.', '_' and '-' replaced by '_'. */
    public static String safeName(String name) {
        String s = name == null || name.isBlank() ? "skitai" : name.strip();
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The pid file: the process id of the running daemon, one line. */
    public Path pidFile() {
        return path.resolve("pid");
    }

    /** The readiness marker the daemon writes (its pid) once it serves. */
    public Path readyFile() {
        return path.resolve("ready");
    }

    /** Where the daemon's standard output goes (appended). */
    public Path stdoutLog() {
        return path.resolve("stdout.log");
    }

    /** Where the daemon's standard error goes (appended). */
    public Path stderrLog() {
        return path.resolve("stderr.log");
    }

    /** A file or directory inside the run directory. */
    public Path resolve(String name) {
        return path.resolve(name);
    }

    /** Creates the directory (and its parents) if needed; returns this. */
    public RunDirectory create() {
        try {
            Files.createDirectories(path);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run directory " + path + ": " + e.getMessage(), e);
        }
    }

    /** The pid in the pid file, if there is a readable one. */
    public Optional<Long> readPid() {
        return readLong(pidFile());
    }

    /** Writes {@code pid} into the pid file (atomically: a reader sees the old or the new content). */
    public void writePid(long pid) {
        writeAtomically(pidFile(), Long.toString(pid));
    }

    static Optional<Long> readLong(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void writeAtomically(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, content + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover file is harmless: it is checked against a live process before use.
        }
    }

    private static boolean writable(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
