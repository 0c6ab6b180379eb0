package io.skitai.core;

import io.skitai.core.internal.Messages;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The cache file system's bounds ({@link ServerBuilder#enableCachefs}, Python's
 * {@code enable_cachefs(memmax, diskmax, path)}): upstream answers to GETs through the reverse
 * proxy and {@code was} are kept by RFC 9111's rules for a shared cache ({@link SharedCache}), at
 * most {@code memmax} bytes of them in memory and {@code diskmax} bytes in files under
 * {@code path}, which survive a restart; 0 turns a tier off, both 0 (the default) turn the cache
 * off. One response is kept only when it is at most {@link #maxEntryBytes()}.
 *
 * @param memmax  bytes kept in memory at most
 * @param diskmax bytes kept on disk at most
 * @param path    the directory of the disk tier (present when {@code diskmax > 0})
 */
public record Cachefs(long memmax, long diskmax, Optional<Path> path) {

    /** The largest response kept, whatever the bounds. */
    public static final long ENTRY_CAP = 16L << 20;

    /** No cache (the default). */
    public static final Cachefs OFF = new Cachefs(0, 0, Optional.empty());

    /** The server's cachefs setting, read by the engine at start. */
    public static final Setting<Cachefs> SETTING = Setting.of("core.cachefs", Cachefs.class, OFF);

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException for a negative bound, or a disk tier without a directory
     */
    public Cachefs {
        if (memmax < 0 || diskmax < 0) {
            throw new IllegalArgumentException(Messages.cachefsBounds(memmax, diskmax));
        }
        if (diskmax > 0 && (path == null || path.isEmpty())) {
            throw new IllegalArgumentException(Messages.cachefsNoPath(diskmax));
        }
        path = path == null ? Optional.empty() : path;
    }

    /** The bounds; {@code path} may be null when {@code diskmax} is 0. */
    public static Cachefs of(long memmax, long diskmax, Path path) {
        return new Cachefs(memmax, diskmax, Optional.ofNullable(path));
    }

    /** Whether any tier is on. */
    public boolean enabled() {
        return memmax > 0 || diskmax > 0;
    }

    /**
     * The largest response body and headers kept: an eighth of the smaller tier that is on, and
     * never more than {@link #ENTRY_CAP} (16 MiB), so one huge response never evicts the rest.
     */
    public long maxEntryBytes() {
        long smaller = memmax == 0 ? diskmax : diskmax == 0 ? memmax : Math.min(memmax, diskmax);
        return Math.min(ENTRY_CAP, smaller / 8);
    }
}
