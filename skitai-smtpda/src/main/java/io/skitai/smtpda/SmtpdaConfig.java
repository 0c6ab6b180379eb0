package io.skitai.smtpda;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The delivery daemon's settings, frozen: build one with {@link #builder()}. Everything here can
 * also be set in the {@code [smtpda]} section of {@code ~/.skitai.conf} or on the command line
 * (see {@link Smtpda}).
 *
 * @param spool         the spool directory (default {@link Spool#defaultDirectory()})
 * @param smtpServer    the server for messages that name none (default: none, such messages fail)
 * @param maxRetry      retries after the first attempt before a message is failed (default 10)
 * @param keep          how long delivered and failed messages stay in the spool (default 1 day)
 * @param verbose       log every delivery, not only failures (default false)
 * @param pollInterval  how often the queue is scanned when no change is noticed (default 1 s)
 * @param retryBackoff  the wait after the first transient failure; it doubles with each retry (default 30 s)
 * @param maxBackoff    the longest wait between retries (default 1 h)
 * @param timeout       connect and read timeout for SMTP (default 30 s)
 * @param trustStore    a PKCS#12 or JKS trust store for TLS servers with a private CA (default: the JDK's)
 * @param trustStorePassword its password, if it has one
 */
public record SmtpdaConfig(Path spool, Optional<SmtpServer> smtpServer, int maxRetry, Duration keep, boolean verbose,
        Duration pollInterval, Duration retryBackoff, Duration maxBackoff, Duration timeout, Optional<Path> trustStore,
        Optional<String> trustStorePassword) {

    /** Validates the values. */
    public SmtpdaConfig {
        Objects.requireNonNull(spool, "spool");
        Objects.requireNonNull(smtpServer, "smtpServer");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
        if (maxRetry < 0) {
            throw new IllegalArgumentException("max-retry must be 0 or more, not " + maxRetry);
        }
        for (Duration d : new Duration[] {keep, pollInterval, retryBackoff, maxBackoff, timeout}) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("durations must be zero or positive");
            }
        }
        if (pollInterval.isZero() || timeout.isZero()) {
            throw new IllegalArgumentException("poll-interval and timeout must be positive");
        }
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.spool = spool;
        b.smtpServer = smtpServer;
        b.maxRetry = maxRetry;
        b.keep = keep;
        b.verbose = verbose;
        b.pollInterval = pollInterval;
        b.retryBackoff = retryBackoff;
        b.maxBackoff = maxBackoff;
        b.timeout = timeout;
        b.trustStore = trustStore;
        b.trustStorePassword = trustStorePassword;
        return b;
    }

    /** Never shows a password. */
    @Override
    public String toString() {
        return "SmtpdaConfig[spool=" + spool + ", smtpServer=" + smtpServer.map(SmtpServer::toString).orElse("none")
                + ", maxRetry=" + maxRetry + ", keep=" + keep + ", verbose=" + verbose + ", pollInterval=" + pollInterval
                + ", retryBackoff=" + retryBackoff + ", maxBackoff=" + maxBackoff + ", timeout=" + timeout
                + ", trustStore=" + trustStore.map(Path::toString).orElse("default") + "]";
    }

    /** Builds a {@link SmtpdaConfig}; every setter has a sane default. */
    public static final class Builder {

        private Path spool = Spool.defaultDirectory();
        private Optional<SmtpServer> smtpServer = Optional.empty();
        private int maxRetry = 10;
        private Duration keep = Duration.ofDays(1);
        private boolean verbose;
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration retryBackoff = Duration.ofSeconds(30);
        private Duration maxBackoff = Duration.ofHours(1);
        private Duration timeout = Duration.ofSeconds(30);
        private Optional<Path> trustStore = Optional.empty();
        private Optional<String> trustStorePassword = Optional.empty();

        private Builder() {}

        /** The spool directory. */
        public Builder spool(Path directory) {
            this.spool = directory;
            return this;
        }

        /** The default SMTP server. */
        public Builder smtpServer(SmtpServer server) {
            this.smtpServer = Optional.of(server);
            return this;
        }

        /** Retries after the first attempt. */
        public Builder maxRetry(int retries) {
            this.maxRetry = retries;
            return this;
        }

        /** How long delivered and failed messages are kept. */
        public Builder keep(Duration duration) {
            this.keep = duration;
            return this;
        }

        /** Logs every delivery. */
        public Builder verbose(boolean on) {
            this.verbose = on;
            return this;
        }

        /** The queue scan interval. */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        /** The first retry wait (doubled each retry) and the longest. */
        public Builder retryBackoff(Duration first, Duration max) {
            this.retryBackoff = first;
            this.maxBackoff = max;
            return this;
        }

        /** The SMTP connect and read timeout. */
        public Builder timeout(Duration duration) {
            this.timeout = duration;
            return this;
        }

        /** A trust store for TLS servers whose certificate the JDK does not trust. */
        public Builder trustStore(Path file, String password) {
            this.trustStore = Optional.of(file);
            this.trustStorePassword = Optional.ofNullable(password).filter(p -> !p.isEmpty());
            return this;
        }

        /** The frozen configuration. */
        public SmtpdaConfig build() {
            return new SmtpdaConfig(spool, smtpServer, maxRetry, keep, verbose, pollInterval, retryBackoff, maxBackoff,
                    timeout, trustStore, trustStorePassword);
        }
    }
}
