package io.skitai.core.internal.cachefs;

import io.skitai.core.StartupException;
import io.skitai.core.internal.Messages;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The disk tier: one file per entry ({@code <id>.entry}) in one directory, at most {@code max}
 * bytes in all, least recently used evicted first. A file is written under a temporary name and
 * moved into place atomically, so a reader or a restart never sees half of one. On open the
 * directory is scanned and the index rebuilt from the files' heads; leftover temporary files and
 * files that are not intact entries are deleted (a checksum is checked on every read too).
 */
final class DiskTier {

    private static final System.Logger LOG = System.getLogger("io.skitai.core.cachefs");
    private static final String SUFFIX = ".entry";
    private static final String TEMP = ".tmp";

    private final Path dir;
    private final long max;
    private final ReentrantLock lock = new ReentrantLock();
    /** Entry sizes by id, least recently used first. */
    private final LinkedHashMap<String, Long> index = new LinkedHashMap<>(64, 0.75f, true);
    private long total;

    private DiskTier(Path dir, long max) {
        this.dir = dir;
        this.max = max;
    }

    /**
     * The tier in {@code dir} (made when missing), with what a previous run left there;
     * {@code indexed} hears the key and {@code Vary} values of each entry found.
     *
     * @throws StartupException when the directory cannot be made or used
     */
    static DiskTier open(Path dir, long max, BiConsumer<String, Map<String, String>> indexed) {
        DiskTier tier = new DiskTier(dir, max);
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new StartupException(Messages.cachefsDirectory(dir, "it is not writable"));
            }
            tier.scan(indexed);
        } catch (IOException e) {
            throw new StartupException(Messages.cachefsDirectory(dir, String.valueOf(e.getMessage())), e);
        }
        return tier;
    }

    private void scan(BiConsumer<String, Map<String, String>> indexed) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = new ArrayList<>(list.filter(Files::isRegularFile).toList());
        }
        files.sort(Comparator.comparingLong(DiskTier::modified));
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(TEMP)) {
                Files.deleteIfExists(file);
            } else if (name.endsWith(SUFFIX)) {
                String id = name.substring(0, name.length() - SUFFIX.length());
                long size = Files.size(file);
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 4096)) {
                    EntryCodec.Head head = EntryCodec.head(in, size);
                    if (!CacheEntry.id(head.key(), head.vary()).equals(id)) {
                        throw new IOException("its name is not its key's");
                    }
                    index.put(id, size);
                    total += size;
                    indexed.accept(head.key(), head.vary());
                } catch (IOException | RuntimeException corrupt) {
                    LOG.log(System.Logger.Level.WARNING, "cachefs: dropping " + file + " (" + corrupt.getMessage() + ")");
                    Files.deleteIfExists(file);
                }
            }
        }
        lock.lock();
        try {
            evict(null);
        } finally {
            lock.unlock();
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException gone) {
            return 0;
        }
    }

    /** The intact entry {@code id}, if kept; a corrupt one is deleted. Reads a file: not on an IO thread. */
    Optional<CacheEntry> get(String id) {
        lock.lock();
        try {
            if (index.get(id) == null) {
                return Optional.empty();
            }
        } finally {
            lock.unlock();
        }
        Path file = file(id);
        try {
            return Optional.of(EntryCodec.decode(Files.readAllBytes(file)));
        } catch (NoSuchFileException evicted) {
            forget(id);
            return Optional.empty();
        } catch (IOException | RuntimeException corrupt) {
            LOG.log(System.Logger.Level.WARNING, "cachefs: dropping " + file + " (" + corrupt.getMessage() + ")");
            remove(id);
            return Optional.empty();
        }
    }

    /** Writes {@code entry} (replacing the one of the same id) and evicts to stay within the bound. */
    void put(CacheEntry entry) {
        byte[] bytes = EntryCodec.encode(entry);
        if (bytes.length > max) {
            return;
        }
        String id = entry.id();
        Path temp = dir.resolve(id + "." + Thread.currentThread().threadId() + "." + System.nanoTime() + TEMP);
        try {
            Files.write(temp, bytes);
            lock.lock();
            try {
                move(temp, file(id));
                Long old = index.put(id, (long) bytes.length);
                total += bytes.length - (old == null ? 0 : old);
                evict(id);
            } finally {
                lock.unlock();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cachefs: cannot write " + file(id) + " (" + e.getMessage() + ")");
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing more to do: the scan of the next start deletes it
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes entry {@code id}. */
    void remove(String id) {
        lock.lock();
        try {
            Long size = index.remove(id);
            if (size != null) {
                total -= size;
            }
            delete(id);
        } finally {
            lock.unlock();
        }
    }

    private void forget(String id) {
        lock.lock();
        try {
            Long size = index.remove(id);
            if (size != null) {
                total -= size;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Evicts the least recently used entries (but {@code keep}) until the total is within the bound; under the lock. */
    private void evict(String keep) {
        Iterator<Map.Entry<String, Long>> eldest = index.entrySet().iterator();
        while (total > max && eldest.hasNext()) {
            Map.Entry<String, Long> e = eldest.next();
            if (e.getKey().equals(keep)) {
                continue;
            }
            total -= e.getValue();
            eldest.remove();
            delete(e.getKey());
        }
    }

    private void delete(String id) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cachefs: cannot delete " + file(id) + " (" + e.getMessage() + ")");
        }
    }

    private Path file(String id) {
        return dir.resolve(id + SUFFIX);
    }

    /** Bytes in the entry files now. */
    long bytes() {
        lock.lock();
        try {
            return total;
        } finally {
            lock.unlock();
        }
    }

    /** Entry files now. */
    int entries() {
        lock.lock();
        try {
            return index.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "DiskTier(" + dir + ", " + max + " bytes)";
    }
}
