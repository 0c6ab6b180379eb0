package io.skitai.core.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request log's writer. Request threads only enqueue their line (lock-free, so virtual threads
 * never park on a log lock); a background thread writes the queue out every 100 ms and on
 * {@link #close()}. Should the disk fall behind by more than {@value #MAX_PENDING} lines, further
 * lines are counted and dropped, and the count is written once the queue drains.
 */
final class LogSink implements AutoCloseable {

    static final int MAX_PENDING = 100_000;

    private final OutputStream out;
    private final boolean closeOut;
    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final ScheduledExecutorService writer;

    private LogSink(OutputStream out, boolean closeOut) {
        this.out = new BufferedOutputStream(out, 64 * 1024);
        this.closeOut = closeOut;
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "skitai-log-writer");
            t.setDaemon(true);
            return t;
        });
        writer.scheduleWithFixedDelay(this::drain, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** The console: {@code System.out}, so that wherever the program sends it, the log follows. */
    static LogSink console() {
        return new LogSink(System.out, false);
    }

    static LogSink file(Path file) throws IOException {
        return new LogSink(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE), true);
    }

    /** Queues one line (a newline is added when it is written). */
    void line(CharSequence line) {
        if (size.incrementAndGet() > MAX_PENDING) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        pending.add(line.toString());
    }

    /** Writes out everything queued so far. */
    synchronized void drain() {
        try {
            String line;
            while ((line = pending.poll()) != null) {
                size.decrementAndGet();
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                out.write(("skitai: " + lost + " request log lines dropped: the log output is too slow\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
        } catch (IOException e) {
            // The log must never take the server down; what could not be written is lost.
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
        drain();
        if (closeOut) {
            try {
                out.close();
            } catch (IOException e) {
                // nothing more to do
            }
        }
    }
}
