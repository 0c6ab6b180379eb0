package io.skitai.core.internal.process;

import io.skitai.core.daemon.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One master's directory for the files its workers share ({@code instance-<pid>} in the run
 * directory): made when the master starts, after removing those of masters that are gone, and
 * removed when it stops.
 */
final class InstanceDirectory {

    private static final String PREFIX = "instance-";

    private final Path path;

    private InstanceDirectory(Path path) {
        this.path = path;
    }

    /** Creates this process's instance directory in {@code runDir}, removing stale ones first. */
    static InstanceDirectory create(RunDirectory runDir) {
        RunDirectory dir = runDir.create();
        removeStale(dir.path());
        Path instance = dir.resolve(PREFIX + ProcessHandle.current().pid());
        try {
            Files.createDirectories(instance);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + instance + ": " + e.getMessage(), e);
        }
        return new InstanceDirectory(instance);
    }

    /** The directory. */
    Path path() {
        return path;
    }

    /** Removes the directory and what is in it. */
    void remove() {
        deleteTree(path);
    }

    private static void removeStale(Path runDir) {
        try (Stream<Path> entries = Files.list(runDir)) {
            entries.filter(p -> p.getFileName().toString().startsWith(PREFIX)).forEach(p -> {
                String pid = p.getFileName().toString().substring(PREFIX.length());
                boolean alive = pid.chars().allMatch(Character::isDigit) && !pid.isEmpty()
                        && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                if (!alive) {
                    deleteTree(p);
                }
            });
        } catch (IOException ignored) {
            // Nothing to clean up.
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Leftovers of a dead master are removed by the next one.
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
