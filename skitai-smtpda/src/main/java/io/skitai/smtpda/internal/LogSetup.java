package io.skitai.smtpda.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/** The daemon's log: the "io.skitai.smtpda" logger, one line per record, to a stream (the console or the daemon's log file). */
public final class LogSetup {

    private static final Logger LOG = Logger.getLogger("io.skitai.smtpda");

    private LogSetup() {}

    /** Sends smtpda's log to {@code out}, replacing an earlier destination. */
    public static synchronized void to(PrintStream out) {
        for (Handler h : LOG.getHandlers()) {
            LOG.removeHandler(h);
        }
        StreamHandler h = new StreamHandler(out, new OneLine()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        h.setLevel(Level.ALL);
        LOG.addHandler(h);
        LOG.setUseParentHandlers(false);
        LOG.setLevel(Level.INFO);
    }

    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord r) {
            String line = Instant.ofEpochMilli(r.getMillis()) + " " + r.getLevel().getName() + " " + formatMessage(r);
            if (r.getThrown() != null) {
                line += " (" + r.getThrown() + ")";
            }
            return line + System.lineSeparator();
        }
    }
}
