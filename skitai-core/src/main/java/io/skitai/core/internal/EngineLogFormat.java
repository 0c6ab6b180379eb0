package io.skitai.core.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One line per record, in the request log's date format (Python Skitai's style):
 * {@code 2026-12-06 07:14:30 [info] io.skitai.core hello serving http://127.0.0.1:5000}; a
 * throwable's stack trace follows on its own lines.
 */
final class EngineLogFormat extends Formatter {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(120)
                .append(STAMP.format(record.getInstant())).append(" [").append(level(record.getLevel())).append("] ")
                .append(record.getLoggerName()).append(' ')
                .append(formatMessage(record).replace('\n', ' ').replace('\r', ' ')).append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }

    private static String level(Level level) {
        int v = level.intValue();
        return v >= Level.SEVERE.intValue() ? "error" : v >= Level.WARNING.intValue() ? "warning"
                : v >= Level.INFO.intValue() ? "info" : "debug";
    }
}
