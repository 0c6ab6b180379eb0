package io.skitai.smtpda;

import io.skitai.smtpda.internal.Deliverer;
import io.skitai.smtpda.internal.Messages;
import io.skitai.smtpda.internal.QueueEntry;
import io.skitai.smtpda.internal.Redactor;
import io.skitai.smtpda.internal.SmtpSender;
import io.skitai.smtpda.internal.SpoolStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The delivery daemon's engine, usable in-process: it owns a spool (one agent per spool, enforced by
 * a lock the OS releases even on SIGKILL), puts back messages a crash left mid-delivery, then
 * delivers due messages as they arrive, retries transient failures with growing backoff, and
 * removes delivered and failed messages after the keep time.
 *
 * <pre>{@code
 * try (DeliveryAgent agent = DeliveryAgent.open(SmtpdaConfig.builder().spool(dir).build())) {
 *     agent.run();          // until close() from another thread, or a shutdown hook
 * }
 * }</pre>
 */
public final class DeliveryAgent implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("io.skitai.smtpda");
    private static final Duration HOUSEKEEPING = Duration.ofMinutes(1);
    private static final Duration STALE_TEMPORARY = Duration.ofHours(1);

    private final SmtpdaConfig config;
    private final SpoolStore store;
    private final FileLock lock;
    private final Deliverer deliverer;
    private final Redactor redactor;
    private final Clock clock;
    private final WatchService watcher;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopped;
    private volatile boolean running;
    private long nextHousekeeping;

    private DeliveryAgent(SmtpdaConfig config, SpoolStore store, FileLock lock, Clock clock) throws IOException {
        this.config = config;
        this.store = store;
        this.lock = lock;
        this.clock = clock;
        List<String> secrets = new ArrayList<>();
        config.smtpServer().flatMap(SmtpServer::password).ifPresent(secrets::add);
        config.trustStorePassword().ifPresent(secrets::add);
        this.redactor = new Redactor(secrets);
        this.deliverer = new Deliverer(config, store, new SmtpSender(config), redactor, clock);
        this.watcher = store.root().getFileSystem().newWatchService();
        store.queueDirectory().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
    }

    /**
     * Takes the spool's lock and puts back messages a crash left in delivery.
     *
     * @throws IllegalStateException if another agent owns the spool
     * @throws UncheckedIOException if the spool cannot be used
     */
    public static DeliveryAgent open(SmtpdaConfig config) {
        SpoolStore store;
        Optional<FileLock> lock;
        try {
            store = SpoolStore.open(config.spool());
            lock = store.tryLock();
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.spoolUnusable(config.spool(), e.toString()), e);
        }
        if (lock.isEmpty()) {
            throw new IllegalStateException(Messages.spoolLocked(config.spool()));
        }
        try {
            DeliveryAgent agent = new DeliveryAgent(config, store, lock.get(), Clock.systemUTC());
            int recovered = store.recoverInterrupted();
            if (recovered > 0) {
                LOG.info("smtpda: " + recovered + " message(s) interrupted mid-delivery put back in the queue");
            }
            return agent;
        } catch (IOException e) {
            closeQuietly(lock.get());
            throw new UncheckedIOException(Messages.spoolUnusable(config.spool(), e.toString()), e);
        }
    }

    /** Its configuration. */
    public SmtpdaConfig config() {
        return config;
    }

    /** Its spool. */
    public Spool spool() {
        return Spool.at(store.root());
    }

    /**
     * One pass: an attempt for every message due now, oldest first. Returns how many attempts were
     * made. Housekeeping (keep-days removal, stale temporary files) runs at most once a minute.
     */
    public int deliverDue() {
        try {
            housekeeping();
            long now = clock.millis();
            List<QueueEntry> due = new ArrayList<>(store.queued().stream().filter(e -> e.due() <= now).toList());
            due.sort(Comparator.comparingLong(QueueEntry::due).thenComparing(QueueEntry::id));
            int n = 0;
            for (QueueEntry e : due) {
                if (stopped) {
                    break;
                }
                if (deliverer.deliver(e)) {
                    n++;
                }
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.spoolUnusable(store.root(), e.toString()), e);
        }
    }

    /** Delivers until {@link #close()}; a spool I/O error is logged and retried after the poll interval. */
    public void run() {
        running = true;
        LOG.info(() -> redactor.redact("smtpda: delivering from " + store.root() + " (default server "
                + config.smtpServer().map(SmtpServer::toString).orElse("none") + ", max-retry " + config.maxRetry() + ")"));
        try {
            while (!stopped) {
                try {
                    deliverDue();
                } catch (UncheckedIOException e) {
                    LOG.log(Level.WARNING, "smtpda: " + redactor.redact(e.getMessage()));
                }
                waitForWork();
            }
        } finally {
            running = false;
            finished.countDown();
            LOG.info("smtpda: stopped");
        }
    }

    /** Stops {@link #run()} after the message in delivery, if any, and releases the spool. */
    @Override
    public void close() {
        stopped = true;
        try {
            watcher.close();
        } catch (IOException e) {
            // closing anyway
        }
        if (running) {
            try {
                finished.await(config.timeout().toMillis() * 3 + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly(lock);
    }

    private void waitForWork() {
        long now = clock.millis();
        long wait = config.pollInterval().toMillis();
        try {
            for (QueueEntry e : store.queued()) {
                wait = Math.min(wait, Math.max(e.due() - now, 0));
            }
            if (wait <= 0) {
                return;
            }
            WatchKey key = watcher.poll(wait, TimeUnit.MILLISECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
            }
        } catch (ClosedWatchServiceException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        } catch (IOException e) {
            sleep(wait);
        }
    }

    private void housekeeping() throws IOException {
        long now = clock.millis();
        if (now < nextHousekeeping) {
            return;
        }
        nextHousekeeping = now + HOUSEKEEPING.toMillis();
        int stale = store.quarantineStaleTemporaries(STALE_TEMPORARY, clock.instant());
        if (stale > 0) {
            LOG.warning("smtpda: quarantined " + stale + " half-written spool file(s)");
        }
        int removed = store.removeOld(config.keep(), clock.instant());
        if (removed > 0 && config.verbose()) {
            LOG.info("smtpda: removed " + removed + " file(s) older than " + config.keep());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(FileLock lock) {
        try {
            lock.channel().close();
        } catch (IOException e) {
            // released with the channel or the process
        }
    }

    @Override
    public String toString() {
        return "DeliveryAgent[" + store.root() + "]";
    }
}
