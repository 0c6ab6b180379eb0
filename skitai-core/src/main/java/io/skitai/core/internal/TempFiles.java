package io.skitai.core.internal;

import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The temporary files of one request's uploads, in the JVM's temporary directory (owner-only on
 * POSIX file systems), all deleted when the request completes, however it ends.
 */
final class TempFiles {

    private static final System.Logger LOG = System.getLogger("io.skitai.core");

    private final List<Path> files = new ArrayList<>();
    private boolean deleted;

    private TempFiles() {}

    /** Temporary files deleted when {@code exchange} completes (call on the thread that owns it). */
    static TempFiles deletedAfter(HttpServerExchange exchange) {
        TempFiles temp = new TempFiles();
        exchange.addExchangeCompleteListener((ex, next) -> {
            try {
                temp.deleteAll();
            } finally {
                next.proceed();
            }
        });
        return temp;
    }

    /** Temporary files the caller deletes with {@link #deleteAll()} (tests). */
    static TempFiles unmanaged() {
        return new TempFiles();
    }

    /** A new empty file, to be deleted with the others. */
    Path create() throws IOException {
        synchronized (this) {
            if (deleted) {
                throw new IOException("the request has completed; its uploads can no longer be stored");
            }
        }
        Path file = Files.createTempFile("skitai-upload-", ".tmp");
        synchronized (this) {
            if (!deleted) {
                files.add(file);
                return file;
            }
        }
        Files.deleteIfExists(file);
        throw new IOException("the request has completed; its uploads can no longer be stored");
    }

    /** Deletes every file created so far, and any created later at once. */
    void deleteAll() {
        List<Path> toDelete;
        synchronized (this) {
            deleted = true;
            toDelete = List.copyOf(files);
            files.clear();
        }
        for (Path file : toDelete) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot delete the upload file " + file + ": " + e);
            }
        }
    }
}
