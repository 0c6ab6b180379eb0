package io.skitai.core.internal.apps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Notices that files changed, by their modification time, size and file key (a file replaced by a
 * rename has a new key), looked at each time {@link #changed()} is called. A change counts once it
 * held for one look, so a jar still being written is not taken half-way.
 */
public final class FileWatch {

    private final List<Path> files;
    private List<Object> seen;
    private List<Object> candidate;

    /** Watches {@code files}; their state now is the state already seen. */
    public FileWatch(List<Path> files) {
        this.files = List.copyOf(files);
        this.seen = stamps();
    }

    /** Whether the files changed since the last change reported, and held still since the last look. */
    public synchronized boolean changed() {
        List<Object> now = stamps();
        if (now.equals(seen)) {
            candidate = null;
            return false;
        }
        if (now.equals(candidate)) {
            seen = now;
            candidate = null;
            return true;
        }
        candidate = now;
        return false;
    }

    /** The watched files. */
    public List<Path> files() {
        return files;
    }

    private List<Object> stamps() {
        List<Object> out = new ArrayList<>(files.size());
        for (Path f : files) {
            out.add(stamp(f));
        }
        return out;
    }

    private static Object stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(a.lastModifiedTime(), a.size(), Objects.requireNonNullElse(a.fileKey(), ""));
        } catch (IOException e) {
            return "missing";
        }
    }
}
