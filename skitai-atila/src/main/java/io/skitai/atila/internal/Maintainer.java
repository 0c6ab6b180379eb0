package io.skitai.atila.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs an app's {@code @Maintain} methods at a fixed delay on one daemon thread, until closed. */
final class Maintainer implements AutoCloseable {

    private static final Logger LOG = System.getLogger("io.skitai.atila");

    private final ScheduledExecutorService scheduler;

    private Maintainer(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Starts running {@code hooks} every {@code intervalMillis}; {@code null} when there are none. */
    static Maintainer start(List<Hook> hooks, Supplier<Hook.Args> args, long intervalMillis) {
        if (hooks.isEmpty()) {
            return null;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("atila-maintain-", 0).factory());
        scheduler.scheduleWithFixedDelay(() -> {
            for (Hook hook : hooks) {
                try {
                    hook.call(args.get());
                } catch (Exception | Error e) {
                    LOG.log(Level.WARNING, "@Maintain method " + hook + " failed", e);
                }
            }
        }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        return new Maintainer(scheduler);
    }

    /** The interval in milliseconds from a {@code maintainInterval} config value in seconds (default 60). */
    static long interval(Object seconds) {
        if (seconds == null) {
            return 60_000;
        }
        double s;
        try {
            s = seconds instanceof Number n ? n.doubleValue() : Double.parseDouble(seconds.toString().strip());
        } catch (NumberFormatException e) {
            s = -1;
        }
        if (!(s > 0)) {
            throw new IllegalStateException(Messages.maintainInterval(seconds));
        }
        return Math.max(1, (long) (s * 1000));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
