package io.skitai.core.internal.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Locks by name across the worker processes of one server: a JVM lock orders the threads of one
 * process, and a {@link Guard} orders the processes: a {@link FileLock} on
 * {@code <dir>/<name>.lock}, or a Redis key. Without a guard (a single process) the JVM lock alone
 * does it.
 */
public final class NamedLocks {

    private static final long POLL_MILLIS = 5;

    /** What excludes other processes while a thread of this one holds a named lock. */
    public interface Guard {
        /** Takes the guard if it is free; never blocks. */
        boolean tryAcquire() throws IOException;

        /** Gives it back. */
        void release() throws IOException;
    }

    private final Function<String, Optional<Guard>> guards;
    private final String scope;
    private final Map<String, ProcessLock> locks = new ConcurrentHashMap<>();

    private NamedLocks(Function<String, Optional<Guard>> guards, String scope) {
        this.guards = guards;
        this.scope = scope;
    }

    /** Locks for one process only. */
    public static NamedLocks local() {
        return new NamedLocks(name -> Optional.empty(), "in this process");
    }

    /** Locks shared with the other processes that use {@code directory}. */
    public static NamedLocks in(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the lock directory " + directory, e);
        }
        return new NamedLocks(name -> Optional.of(new FileGuard(directory.resolve(fileName(name)))), "across processes");
    }

    /** Locks guarded by {@code guards} (one guard per lock name). */
    public static NamedLocks guardedBy(Function<String, Guard> guards, String scope) {
        return new NamedLocks(name -> Optional.of(guards.apply(name)), scope);
    }

    /** The lock called {@code name} (the same object for the same name). */
    public Lock get(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a lock needs a name");
        }
        return locks.computeIfAbsent(name, n -> new ProcessLock(n, guards.apply(n), scope));
    }

    private static String fileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe + "-" + Integer.toHexString(name.hashCode()) + ".lock";
    }

    /** An exclusive {@link FileLock} on one file. */
    private static final class FileGuard implements Guard {
        private final Path file;
        private FileChannel channel;
        private FileLock held;

        FileGuard(Path file) {
            this.file = file;
        }

        @Override
        public boolean tryAcquire() throws IOException {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            }
            held = channel.tryLock();
            return held != null;
        }

        @Override
        public void release() throws IOException {
            if (held != null) {
                held.release();
                held = null;
            }
        }
    }

    /** One named lock: reentrant within a process, exclusive across processes. */
    private static final class ProcessLock implements Lock {

        private final String name;
        private final Optional<Guard> guard;
        private final String scope;
        private final ReentrantLock local = new ReentrantLock();

        ProcessLock(String name, Optional<Guard> guard, String scope) {
            this.name = name;
            this.guard = guard;
            this.scope = scope;
        }

        @Override
        public void lock() {
            local.lock();
            try {
                acquireFile(-1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                local.unlock();
                throw new IllegalStateException("interrupted while waiting for lock '" + name + "'", e);
            } catch (RuntimeException e) {
                local.unlock();
                throw e;
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            local.lockInterruptibly();
            try {
                acquireFile(-1);
            } catch (InterruptedException | RuntimeException e) {
                local.unlock();
                throw e;
            }
        }

        @Override
        public boolean tryLock() {
            if (!local.tryLock()) {
                return false;
            }
            try {
                if (acquireFile(0)) {
                    return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            local.unlock();
            return false;
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(time);
            if (!local.tryLock(time, unit)) {
                return false;
            }
            try {
                if (acquireFile(Math.max(0, deadline - System.nanoTime()))) {
                    return true;
                }
            } catch (InterruptedException | RuntimeException e) {
                local.unlock();
                throw e;
            }
            local.unlock();
            return false;
        }

        /** Takes the guard unless this thread holds the lock already; -1 waits for ever. */
        private boolean acquireFile(long timeoutNanos) throws InterruptedException {
            if (guard.isEmpty() || local.getHoldCount() > 1) {
                return true;
            }
            long deadline = System.nanoTime() + Math.max(0, timeoutNanos);
            try {
                while (!guard.get().tryAcquire()) {
                    if (timeoutNanos >= 0 && System.nanoTime() - deadline >= 0) {
                        return false;
                    }
                    Thread.sleep(POLL_MILLIS);
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot take lock '" + name + "': " + e.getMessage(), e);
            }
        }

        @Override
        public void unlock() {
            if (!local.isHeldByCurrentThread()) {
                throw new IllegalMonitorStateException("lock '" + name + "' is not held by this thread");
            }
            try {
                if (local.getHoldCount() == 1 && guard.isPresent()) {
                    guard.get().release();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release lock '" + name + "': " + e.getMessage(), e);
            } finally {
                local.unlock();
            }
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("lock '" + name + "' spans processes: it has no conditions");
        }

        @Override
        public String toString() {
            return "Lock(" + name + ", " + scope + ")";
        }
    }
}
