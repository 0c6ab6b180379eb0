package io.skitai.smtpda.internal;

import io.skitai.smtpda.SpoolCounts;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The spool directory and every state change of a message in it. Each change is one atomic,
 * fsynced rename, so a crash at any moment leaves every message in exactly one folder:
 *
 * <pre>
 *   tmp/         half-written by send(); complete files are renamed into queue/
 *   queue/       waiting: &lt;id&gt;.&lt;failed attempts&gt;.&lt;due ms&gt;.msg
 *   sending/     claimed by the daemon; found here after a crash, put back in queue/ (at-least-once)
 *   sent/        delivered (removed after keep-days)
 *   failed/      given up, with &lt;id&gt;.reason (removed after keep-days)
 *   quarantine/  unreadable files, with &lt;name&gt;.reason, never delivered
 * </pre>
 */
public final class SpoolStore {

    static final String LOCK_FILE = "smtpda.lock";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final Path tmp;
    private final Path queue;
    private final Path sending;
    private final Path sent;
    private final Path failed;
    private final Path quarantine;

    private SpoolStore(Path root) {
        this.root = root;
        this.tmp = root.resolve("tmp");
        this.queue = root.resolve("queue");
        this.sending = root.resolve("sending");
        this.sent = root.resolve("sent");
        this.failed = root.resolve("failed");
        this.quarantine = root.resolve("quarantine");
    }

    /** Opens a spool, creating its folders when missing. */
    public static SpoolStore open(Path root) throws IOException {
        SpoolStore s = new SpoolStore(root.toAbsolutePath().normalize());
        for (Path dir : List.of(s.root, s.tmp, s.queue, s.sending, s.sent, s.failed, s.quarantine)) {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                DurableFiles.syncDirectory(dir.getParent());
            }
        }
        return s;
    }

    /** The spool's root directory. */
    public Path root() {
        return root;
    }

    /** A new spool id: creation time (so ids sort by age) and 64 random bits. */
    public static String newId(long nowMillis) {
        byte[] r = new byte[8];
        RANDOM.nextBytes(r);
        return String.format("%013d-%s", nowMillis, HexFormat.of().formatHex(r));
    }

    /** Writes a new message durably into queue/; once this returns it survives any crash. */
    public Path submit(Envelope envelope, byte[] mime) throws IOException {
        Path target = queue.resolve(QueueEntry.name(envelope.id(), 0, 0));
        DurableFiles.writeAtomically(tmp, target, SpoolFormat.encode(envelope, mime));
        return target;
    }

    /** The queued messages; files whose name is not a spool name are quarantined on the way. */
    public List<QueueEntry> queued() throws IOException {
        List<QueueEntry> out = new ArrayList<>();
        for (Path f : list(queue)) {
            Optional<QueueEntry> e = QueueEntry.parse(f);
            if (e.isPresent()) {
                out.add(e.get());
            } else if (!f.getFileName().toString().startsWith(".")) {
                quarantine(f, "unexpected file name in queue/: " + f.getFileName());
            }
        }
        return out;
    }

    /** Moves a queued message to sending/; empty if it is gone (delivered by someone else). */
    public Optional<Path> claim(QueueEntry entry) throws IOException {
        Path to = sending.resolve(entry.file().getFileName());
        try {
            DurableFiles.move(entry.file(), to);
            return Optional.of(to);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Reads and verifies a spool file. */
    public SpoolFormat.Message read(Path file) throws IOException, CorruptSpoolFile {
        return SpoolFormat.decode(Files.readAllBytes(file));
    }

    /** A claimed message was delivered. */
    public void markSent(Path claimed, String id) throws IOException {
        Path to = sent.resolve(id + ".msg");
        DurableFiles.move(claimed, to);
        touch(to);
    }

    /** A claimed message goes back to the queue after a transient failure. */
    public void requeue(Path claimed, String id, int attempts, long due) throws IOException {
        DurableFiles.move(claimed, queue.resolve(QueueEntry.name(id, attempts, due)));
    }

    /** A claimed message is given up on; the reason is written first, next to it. */
    public void markFailed(Path claimed, String id, String reason) throws IOException {
        DurableFiles.writeAtomically(tmp, failed.resolve(id + ".reason"), (reason + "\n").getBytes(StandardCharsets.UTF_8));
        Path to = failed.resolve(id + ".msg");
        DurableFiles.move(claimed, to);
        touch(to);
    }

    /** Sets a file aside for good, with the reason next to it. */
    public Path quarantine(Path file, String reason) throws IOException {
        String name = file.getFileName().toString();
        Path to = quarantine.resolve(name);
        if (Files.exists(to)) {
            to = quarantine.resolve(name + "." + System.currentTimeMillis());
        }
        DurableFiles.writeAtomically(tmp, quarantine.resolve(to.getFileName() + ".reason"),
                (reason + "\n").getBytes(StandardCharsets.UTF_8));
        DurableFiles.move(file, to);
        touch(to);
        return to;
    }

    /**
     * Puts messages left in sending/ by a crash back into the queue, due now, counting the
     * interrupted delivery as an attempt (so a message that crashes the daemon cannot loop forever).
     * Returns how many were recovered.
     */
    public int recoverInterrupted() throws IOException {
        int n = 0;
        for (Path f : list(sending)) {
            Optional<QueueEntry> e = QueueEntry.parse(f);
            if (e.isEmpty()) {
                quarantine(f, "unexpected file name in sending/: " + f.getFileName());
                continue;
            }
            DurableFiles.move(f, queue.resolve(QueueEntry.name(e.get().id(), e.get().attempts() + 1, 0)));
            n++;
        }
        return n;
    }

    /** Quarantines temporary files older than {@code age}: their writer died before finishing them. */
    public int quarantineStaleTemporaries(Duration age, Instant now) throws IOException {
        int n = 0;
        for (Path f : list(tmp)) {
            if (olderThan(f, now.minus(age))) {
                quarantine(f, Messages.staleTemporary(f.getFileName().toString()));
                n++;
            }
        }
        return n;
    }

    /** Removes sent, failed and quarantined files (and their reasons) last changed before {@code now - keep}. */
    public int removeOld(Duration keep, Instant now) throws IOException {
        int n = 0;
        for (Path dir : List.of(sent, failed, quarantine)) {
            for (Path f : list(dir)) {
                if (olderThan(f, now.minus(keep))) {
                    Files.deleteIfExists(f);
                    n++;
                }
            }
            if (n > 0) {
                DurableFiles.syncDirectory(dir);
            }
        }
        return n;
    }

    /** How many messages each state holds. */
    public SpoolCounts counts() throws IOException {
        int pending = 0;
        int retrying = 0;
        for (Path f : list(queue)) {
            Optional<QueueEntry> e = QueueEntry.parse(f);
            if (e.isPresent() && e.get().attempts() > 0) {
                retrying++;
            } else if (e.isPresent()) {
                pending++;
            }
        }
        return new SpoolCounts(pending, retrying, list(sending).size(), countMessages(failed), countMessages(sent),
                (int) list(quarantine).stream().filter(f -> !f.getFileName().toString().endsWith(".reason")).count());
    }

    /** The reason a message was given up on, if it is in failed/. */
    public Optional<String> failureReason(String id) throws IOException {
        Path f = failed.resolve(id + ".reason");
        return Files.exists(f) ? Optional.of(Files.readString(f).strip()) : Optional.empty();
    }

    /**
     * Takes the spool's lock: one daemon per spool. Empty if another process (or this one) holds it.
     * The operating system releases it when the holder dies, even by SIGKILL.
     */
    public Optional<FileLock> tryLock() throws IOException {
        FileChannel ch = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                return Optional.empty();
            }
            ch.truncate(0);
            ch.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(false);
            return Optional.of(lock);
        } catch (OverlappingFileLockException e) {
            ch.close();
            return Optional.empty();
        }
    }

    /** The pid of the daemon holding the spool's lock now, if one does. */
    public Optional<Long> lockHolder() throws IOException {
        Path file = root.resolve(LOCK_FILE);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock probe = ch.tryLock(0, Long.MAX_VALUE, false);
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
        } catch (OverlappingFileLockException e) {
            // this very process holds it
            return Optional.of(ProcessHandle.current().pid());
        }
        try {
            return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip()));
        } catch (NumberFormatException e) {
            return Optional.of(-1L);
        }
    }

    /** The queue folder (watched for new files). */
    public Path queueDirectory() {
        return queue;
    }

    private static int countMessages(Path dir) throws IOException {
        return (int) list(dir).stream().filter(f -> f.getFileName().toString().endsWith(".msg")).count();
    }

    private static List<Path> list(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static boolean olderThan(Path f, Instant limit) {
        try {
            return Files.getLastModifiedTime(f).toInstant().isBefore(limit);
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts the keep-days clock at the state change; failing that, the file's older time only shortens its stay. */
    private static void touch(Path f) {
        try {
            Files.setLastModifiedTime(f, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // see above
        }
    }
}
