package io.skitai.core.internal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A buffered line writer for the request log: appending a line costs a short lock and a copy; a
 * background thread flushes every 200 ms, and {@link #close()} flushes the rest.
 */
final class LogSink implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final OutputStream out;
    private final boolean closeOut;
    private final byte[] buffer = new byte[BUFFER];
    private int count;
    private final ScheduledExecutorService flusher;

    private LogSink(OutputStream out, boolean closeOut) {
        this.out = out;
        this.closeOut = closeOut;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "skitai-log-flusher");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, 200, 200, TimeUnit.MILLISECONDS);
    }

    static LogSink console() {
        return new LogSink(new FileOutputStream(FileDescriptor.out), false);
    }

    static LogSink file(Path file) throws IOException {
        return new LogSink(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE), true);
    }

    /** Appends one line (a newline is added), encoding it straight into the buffer. */
    void line(CharSequence line) {
        int n = line.length();
        synchronized (this) {
            if (count + 3 * n + 1 > buffer.length) {
                flushLocked();
                if (3 * n + 1 > buffer.length) {
                    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
                    writeLocked(bytes, bytes.length);
                    return;
                }
            }
            for (int i = 0; i < n; i++) {
                char c = line.charAt(i);
                if (c < 0x80) {
                    buffer[count++] = (byte) c;
                } else {
                    byte[] b = String.valueOf(Character.isSurrogate(c) ? '?' : c).getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(b, 0, buffer, count, b.length);
                    count += b.length;
                }
            }
            buffer[count++] = '\n';
        }
    }

    void flushQuietly() {
        synchronized (this) {
            flushLocked();
        }
    }

    private void flushLocked() {
        if (count > 0) {
            writeLocked(buffer, count);
            count = 0;
        }
    }

    private void writeLocked(byte[] bytes, int length) {
        try {
            out.write(bytes, 0, length);
            out.flush();
        } catch (IOException e) {
            // The log must never take the server down; the line is lost.
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        flushQuietly();
        if (closeOut) {
            try {
                out.close();
            } catch (IOException e) {
                // nothing more to do
            }
        }
    }
}
