package io.skitai.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What one request path below a static mount resolved to, as kept in the file cache: a file (with
 * its validators, prebuilt header values and, when small, its bytes), a directory to redirect to
 * its slash form, or nothing. Immutable except for the time it was last checked against the disk,
 * which one request at a time may claim in order to re-check it.
 */
final class StaticEntry {

    /** What the path resolved to. */
    enum Kind { FILE, REDIRECT, MISSING }

    /** How long a check of the disk stays good: edits show up within this time. */
    static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final VarHandle CHECKED;

    static {
        try {
            CHECKED = MethodHandles.lookup().findVarHandle(StaticEntry.class, "checkedAt", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Kind kind;
    /** FILE: the real path of the file. */
    final Path file;
    /** FILE: size in bytes. */
    final long size;
    /** FILE: modification time, nanoseconds since the epoch. */
    final long modifiedNanos;
    /** FILE: modification time, seconds since the epoch (HTTP date precision). */
    final long modifiedSeconds;
    /** FILE: header values, built once. */
    final String etag;
    final String lastModified;
    final String contentType;
    final String contentLength;
    /** FILE: {@code max-age=N}, or null without a rule. */
    final String cacheControl;
    final long maxAgeSeconds;
    /** FILE: the whole content for a small file (read-only, direct), else null. */
    final ByteBuffer content;
    /** REDIRECT: the encoded path of the slash form. */
    final String location;

    @SuppressWarnings("unused") // accessed through CHECKED
    private volatile long checkedAt;
    private volatile Stamp expires;

    private record Stamp(long second, String value) {}

    private StaticEntry(Kind kind, Path file, long size, long modifiedNanos, String contentType, long maxAgeSeconds,
            ByteBuffer content, String location, long checkedAt) {
        this.kind = kind;
        this.file = file;
        this.size = size;
        this.modifiedNanos = modifiedNanos;
        this.modifiedSeconds = Math.floorDiv(modifiedNanos, 1_000_000_000L);
        this.contentType = contentType;
        this.maxAgeSeconds = maxAgeSeconds;
        this.content = content;
        this.location = location;
        this.checkedAt = checkedAt;
        boolean isFile = kind == Kind.FILE;
        this.etag = isFile ? Validators.etag(size, modifiedNanos) : null;
        this.lastModified = isFile ? Validators.httpDate(modifiedSeconds) : null;
        this.contentLength = isFile ? Long.toString(size) : null;
        this.cacheControl = isFile && maxAgeSeconds >= 0 ? "max-age=" + maxAgeSeconds : null;
    }

    static StaticEntry file(Path file, long size, long modifiedNanos, String contentType, long maxAgeSeconds,
            ByteBuffer content, long checkedAt) {
        return new StaticEntry(Kind.FILE, file, size, modifiedNanos, contentType, maxAgeSeconds,
                content == null ? null : content.asReadOnlyBuffer(), null, checkedAt);
    }

    static StaticEntry redirect(String location, long checkedAt) {
        return new StaticEntry(Kind.REDIRECT, null, 0, 0, null, MaxAges.NONE, null, location, checkedAt);
    }

    static StaticEntry missing(long checkedAt) {
        return new StaticEntry(Kind.MISSING, null, 0, 0, null, MaxAges.NONE, null, null, checkedAt);
    }

    /**
     * Whether the caller should re-check this entry against the disk now: true for exactly one
     * caller once {@link #RECHECK_NANOS} have passed since the last check (the others keep using
     * the entry meanwhile).
     */
    boolean claimRecheck(long nowNanos) {
        long last = (long) CHECKED.getOpaque(this);
        return nowNanos - last >= RECHECK_NANOS && CHECKED.compareAndSet(this, last, nowNanos);
    }

    /** Whether this file entry describes the same file version as another. */
    boolean sameFile(StaticEntry other) {
        return other.kind == Kind.FILE && kind == Kind.FILE && file.equals(other.file) && size == other.size
                && modifiedNanos == other.modifiedNanos && maxAgeSeconds == other.maxAgeSeconds
                && contentType.equals(other.contentType);
    }

    /** A view of bytes {@code [first, first + length)} of the cached content. */
    ByteBuffer slice(long first, long length) {
        return content.slice((int) first, (int) length);
    }

    /** The {@code Expires} value for now plus max-age, recomputed at most once a second. */
    String expires(long nowMillis) {
        long second = nowMillis / 1000;
        Stamp s = expires;
        if (s == null || s.second != second) {
            s = new Stamp(second, Validators.httpDate(second + maxAgeSeconds));
            expires = s;
        }
        return s.value;
    }

    /** Cache weight: content bytes plus a rough overhead. */
    int weight() {
        return 256 + (content == null ? 0 : content.capacity());
    }

    @Override
    public String toString() {
        return switch (kind) {
            case FILE -> "file " + file + " (" + size + " bytes" + (content != null ? ", in memory)" : ")");
            case REDIRECT -> "redirect to " + location;
            case MISSING -> "missing";
        };
    }
}
