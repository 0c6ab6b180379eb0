package io.skitai.smtpda.internal;

import io.skitai.smtpda.SmtpServer;
import io.skitai.smtpda.SmtpdaConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Takes one queued message through a delivery attempt: claim it, read and verify it, send it,
 * then move it to sent/, back to queue/ with a later due time, or to failed/. A file that does
 * not verify goes to quarantine/. Every outcome is one durable rename.
 */
public final class Deliverer {

    private static final Logger LOG = Logger.getLogger("io.skitai.smtpda");

    private final SmtpdaConfig config;
    private final SpoolStore store;
    private final SmtpSender sender;
    private final Redactor redactor;
    private final Clock clock;

    /** A deliverer for one spool. */
    public Deliverer(SmtpdaConfig config, SpoolStore store, SmtpSender sender, Redactor redactor, Clock clock) {
        this.config = config;
        this.store = store;
        this.sender = sender;
        this.redactor = redactor;
        this.clock = clock;
    }

    /** One attempt for {@code entry}; false if another process took it first. */
    public boolean deliver(QueueEntry entry) throws IOException {
        Optional<Path> claimed = store.claim(entry);
        if (claimed.isEmpty()) {
            return false;
        }
        SpoolFormat.Message msg;
        try {
            msg = store.read(claimed.get());
        } catch (IOException e) {
            store.requeue(claimed.get(), entry.id(), entry.attempts(), clock.millis() + config.pollInterval().toMillis());
            throw e;
        } catch (CorruptSpoolFile e) {
            store.quarantine(claimed.get(), Messages.corrupt(e.getMessage()));
            LOG.warning(() -> "smtpda: quarantined " + entry.file().getFileName() + ": " + e.getMessage());
            return true;
        }
        Envelope env = msg.envelope();
        env.server().flatMap(SmtpServer::password).ifPresent(redactor::add);
        Optional<SmtpServer> server = env.server().or(config::smtpServer);
        Outcome outcome = server.isPresent()
                ? sender.send(server.get(), env, msg.mime())
                : new Outcome.Permanent(Messages.noServer());
        settle(claimed.get(), entry, env, server, outcome);
        return true;
    }

    private void settle(Path claimed, QueueEntry entry, Envelope env, Optional<SmtpServer> server, Outcome outcome)
            throws IOException {
        String via = server.map(SmtpServer::address).orElse("no server");
        switch (outcome) {
            case Outcome.Delivered d -> {
                store.markSent(claimed, env.id());
                if (config.verbose()) {
                    log("smtpda: sent " + env.id() + " from " + env.sender() + " to " + env.recipients() + " via " + via);
                }
            }
            case Outcome.Permanent p -> fail(claimed, env, via, redactor.redact(p.reason()));
            case Outcome.Transient t -> {
                int failures = entry.attempts() + 1;
                String reason = redactor.redact(t.reason());
                if (failures > config.maxRetry()) {
                    fail(claimed, env, via, Messages.exhausted(failures, reason));
                    return;
                }
                long wait = Backoff.after(failures, config.retryBackoff(), config.maxBackoff()).toMillis();
                store.requeue(claimed, env.id(), failures, clock.millis() + wait);
                LOG.warning(() -> redactor.redact("smtpda: will retry " + env.id() + " via " + via + " in " + wait
                        + " ms (attempt " + failures + " of " + (config.maxRetry() + 1) + " failed): " + reason));
            }
        }
    }

    private void fail(Path claimed, Envelope env, String via, String reason) throws IOException {
        store.markFailed(claimed, env.id(), reason);
        LOG.warning(() -> redactor.redact("smtpda: failed " + env.id() + " to " + env.recipients() + " via " + via + ": " + reason));
    }

    private void log(String line) {
        LOG.info(redactor.redact(line));
    }
}
