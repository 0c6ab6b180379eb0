package io.skitai.core.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Skitai's own log (the "io.skitai" logger and its children "io.skitai.core", "io.skitai.was",
 * "io.skitai.atila", ..., through java.util.logging): keeps the libraries underneath quiet unless the
 * user configured them, and copies Skitai's log to a file on request.
 */
final class EngineLogging {

    /** The parent of every module's logger. */
    private static final Logger ENGINE = Logger.getLogger("io.skitai");
    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final List<Logger> LIBRARIES = List.of(Logger.getLogger("io.undertow"), Logger.getLogger("org.xnio"),
            Logger.getLogger("org.jboss.threads"));

    private EngineLogging() {}

    /** Library start-up chatter (versions, "starting server") only at WARNING and above. */
    static void quietLibraries() {
        for (Logger l : LIBRARIES) {
            if (l.getLevel() == null) {
                l.setLevel(Level.WARNING);
            }
        }
    }

    /** Also writes Skitai's log (every module's) to {@code file}. */
    static synchronized void toFile(Path file) throws IOException {
        for (Handler h : ENGINE.getHandlers()) {
            if (h instanceof FileHandler) {
                ENGINE.removeHandler(h);
                h.close();
            }
        }
        FileHandler handler = new FileHandler(file.toAbsolutePath().toString(), true);
        handler.setFormatter(new SimpleFormatter());
        ENGINE.addHandler(handler);
    }
}
