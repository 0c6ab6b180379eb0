package io.skitai.testkit.internal;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds blocking socket writes, which Java cannot time out: a write that has not finished in time
 * gets its socket closed under it, so a server that stops reading cannot hang a test.
 */
public final class WriteWatchdog {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skitai-testkit-write-watchdog");
        t.setDaemon(true);
        return t;
    });

    private WriteWatchdog() {}

    /** A write in progress; {@link #close()} it when the write returns. */
    public static final class Guard implements AutoCloseable {
        private final ScheduledFuture<?> timer;
        private final AtomicBoolean fired;

        private Guard(ScheduledFuture<?> timer, AtomicBoolean fired) {
            this.timer = timer;
            this.fired = fired;
        }

        /** Whether the watchdog closed the socket because the write took too long. */
        public boolean fired() {
            return fired.get();
        }

        @Override
        public void close() {
            timer.cancel(false);
        }
    }

    /** Starts guarding a write on {@code socket} that must finish within {@code timeout}. */
    public static Guard guard(Closeable socket, Duration timeout) {
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> timer = TIMER.schedule(() -> {
            fired.set(true);
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing is all we can do.
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        return new Guard(timer, fired);
    }
}
