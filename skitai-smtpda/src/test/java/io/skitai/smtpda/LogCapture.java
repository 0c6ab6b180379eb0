package io.skitai.smtpda;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Collects every formatted line logged under "io.skitai.smtpda" and the mail library's loggers while open. */
final class LogCapture extends Handler implements AutoCloseable {

    private static final List<Logger> LOGGERS = List.of(Logger.getLogger("io.skitai.smtpda"), Logger.getLogger("org.eclipse.angus.mail"),
            Logger.getLogger("jakarta.mail"));
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final SimpleFormatter format = new SimpleFormatter();

    LogCapture() {
        setLevel(Level.ALL);
        for (Logger l : LOGGERS) {
            l.addHandler(this);
        }
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(format.format(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        for (Logger l : LOGGERS) {
            l.removeHandler(this);
        }
    }
}
