package io.skitai.core;

import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * State every worker process of a server sees alike (Python's {@code setlu/getlu} and
 * {@code setgs/getgs}): last-update times of named models, for cache decisions, and global
 * integer values. Keys are declared before the server runs ({@link Skitai#deflu},
 * {@link Skitai#defgs}); using another key is an {@link IllegalArgumentException} naming the
 * declared ones. Kept in a memory-mapped file in the run directory, or on Redis when
 * {@link SkitaiServer#shareStateOnRedis(String)} says so (then across machines too).
 * In a request, reach it through {@code was} ({@code was.setlu(..)}) or {@link SkitaiServer#sharedState()}.
 */
public interface SharedState {

    /**
     * Records that the model {@code key} changed now: its time becomes the current time in
     * milliseconds, or one more than its previous time if that is not earlier; returns the new time.
     */
    long setlu(String key);

    /** The newest last-update time of the keys (milliseconds since the epoch; 0 if none was ever set). */
    long getlu(String... keys);

    /** Sets a global value. */
    void setgs(String key, long value);

    /** A global value (0 until set). */
    long getgs(String key);

    /**
     * A lock that excludes every worker process (and every thread) holding the same name. Use
     * {@code lock()}/{@code unlock()} in {@code try/finally}, or {@code tryLock(timeout, unit)};
     * {@code newCondition()} is not supported. On the mapped file it is a file lock in the run
     * directory (released if the holder dies); on Redis a key leased for 60 s.
     */
    Lock lock(String name);

    /**
     * The value kept under {@code key} by {@link #putValue}, unless it expired or was removed. Values
     * are what sessions and revocable tokens keep: every worker sees the same ones (files in the run
     * directory; on Redis, every machine).
     */
    java.util.Optional<byte[]> value(String key);

    /** Keeps {@code value} under {@code key} for {@code ttl} (at least a millisecond), replacing any. */
    void putValue(String key, byte[] value, java.time.Duration ttl);

    /** Forgets the value under {@code key}; whether there was one. */
    boolean removeValue(String key);

    /** The declared last-update keys. */
    List<String> luKeys();

    /** The declared global-state keys. */
    List<String> gsKeys();
}
