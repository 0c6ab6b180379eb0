package io.skitai.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * Resolves a checked {@link StaticPath} to a {@link StaticEntry} on disk. Blocking: runs off the IO
 * thread. Confinement: the path is resolved segment by segment under the root, then to its real
 * path (all symbolic links followed), which must still lie under the root's real path, so a link
 * pointing outside the root serves nothing. Only regular files are served (never a directory
 * listing, a device or a FIFO); a directory is served through its {@code index.html}.
 */
final class StaticLoader {

    static final String INDEX = "index.html";

    private final Path root;
    private final Path realRoot;
    private final String point;
    private final MaxAges maxAges;
    private final int smallFileLimit;

    StaticLoader(Path root, String point, MaxAges maxAges, int smallFileLimit) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = root.toRealPath();
        this.point = point;
        this.maxAges = maxAges;
        this.smallFileLimit = smallFileLimit;
    }

    MaxAges maxAges() {
        return maxAges;
    }

    /**
     * Resolves {@code path} (the {@code below} part of the URL under the mount point). If the result
     * is the same file version as {@code previous}, returns {@code previous} itself so its bytes are
     * not read again.
     */
    StaticEntry load(String below, StaticPath path, StaticEntry previous) {
        long now = System.nanoTime();
        try {
            Path p = root;
            for (String segment : path.segments()) {
                p = p.resolve(segment);
            }
            if (path.directory()) {
                p = p.resolve(INDEX);
            }
            if (!p.startsWith(root) || !p.normalize().equals(p)) {
                return StaticEntry.missing(now);
            }
            Path real = confined(p);
            if (real == null) {
                return StaticEntry.missing(now);
            }
            BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class);
            if (attrs.isDirectory()) {
                return !path.directory() && confinedFile(real.resolve(INDEX))
                        ? StaticEntry.redirect(StaticPath.encodePath(point + below + "/"), now)
                        : StaticEntry.missing(now);
            }
            if (!attrs.isRegularFile()) {
                return StaticEntry.missing(now);
            }
            long size = attrs.size();
            long modified = attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            if (previous != null && previous.kind == StaticEntry.Kind.FILE && previous.file.equals(real)
                    && previous.size == size && previous.modifiedNanos == modified) {
                return previous;
            }
            String type = ContentTypes.of(p.getFileName().toString());
            long maxAge = maxAges.forPath(point + below);
            ByteBuffer content = size <= smallFileLimit ? read(real, (int) size) : null;
            if (content != null && content.remaining() != size) {
                size = content.remaining();
            }
            return StaticEntry.file(real, size, modified, type, maxAge, content, now);
        } catch (IOException | InvalidPathException | SecurityException e) {
            return StaticEntry.missing(now);
        }
    }

    /**
     * The real path of {@code p} if it lies under the root and not in a dotfile or dot-directory
     * there (a link may lead to one), else null; throws {@link java.nio.file.NoSuchFileException}
     * if it does not exist.
     */
    private Path confined(Path p) throws IOException {
        Path real = p.toRealPath();
        if (!real.startsWith(realRoot)) {
            return null;
        }
        for (Path name : realRoot.relativize(real)) {
            if (name.toString().startsWith(".")) {
                return null;
            }
        }
        return real;
    }

    private boolean confinedFile(Path p) throws IOException {
        Path real = confined(p);
        return real != null && Files.isRegularFile(real);
    }

    /** Reads a small file whole into a direct buffer (flipped); fewer bytes if it shrank meanwhile. */
    private static ByteBuffer read(Path file, int size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(size);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            while (buffer.hasRemaining() && ch.read(buffer) >= 0) {
                // keep reading until full or end of file
            }
        }
        return buffer.flip();
    }

    @Override
    public String toString() {
        return realRoot.toString();
    }
}
