package io.skitai.smtpda;

import io.skitai.smtpda.internal.Messages;
import io.skitai.smtpda.internal.SpoolStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A spool directory shared by the senders ({@link Email#send()}) and one delivery daemon.
 *
 * <p>The default directory is {@code /tmp/skitai/smtpda} (as in the Python docs), overridden by the
 * system property {@code skitai.smtpda.spool} or the environment variable
 * {@code SKITAI_SMTPDA_SPOOL}; apps and the daemon must agree on it.
 */
public final class Spool {

    /** The system property naming the default spool directory. */
    public static final String PROPERTY = "skitai.smtpda.spool";
    /** The environment variable naming the default spool directory. */
    public static final String ENVIRONMENT = "SKITAI_SMTPDA_SPOOL";

    private final SpoolStore store;

    private Spool(SpoolStore store) {
        this.store = store;
    }

    /** The default spool directory: the property, else the environment variable, else {@code /tmp/skitai/smtpda}. */
    public static Path defaultDirectory() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(ENVIRONMENT);
        }
        if (p == null || p.isBlank()) {
            return Path.of(System.getProperty("java.io.tmpdir"), "skitai", "smtpda");
        }
        return Path.of(p);
    }

    /**
     * The spool in {@code directory}, created if missing.
     *
     * @throws UncheckedIOException when it cannot be created
     */
    public static Spool at(Path directory) {
        try {
            return new Spool(SpoolStore.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.spoolUnusable(directory, e.toString()), e);
        }
    }

    /** Its directory. */
    public Path directory() {
        return store.root();
    }

    /** How many messages each state holds now. */
    public SpoolCounts counts() {
        try {
            return store.counts();
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.spoolUnusable(store.root(), e.toString()), e);
        }
    }

    /**
     * The process id of the delivery daemon working on this spool now (it holds the spool's lock),
     * or empty when none is; {@code -1} if one runs but its pid is unreadable.
     */
    public java.util.Optional<Long> daemonPid() {
        try {
            return store.lockHolder();
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.spoolUnusable(store.root(), e.toString()), e);
        }
    }

    @Override
    public String toString() {
        return "Spool[" + store.root() + "]";
    }
}
