package io.skitai.core.internal;

import io.skitai.core.Exchange;
import io.skitai.core.ServerContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.ConsoleHandler;
import java.util.logging.LogManager;

/**
 * Skitai's own log (the "io.skitai" logger and its children "io.skitai.core", "io.skitai.was",
 * "io.skitai.atila", ..., through java.util.logging): keeps the libraries underneath quiet unless the
 * user configured them, and copies Skitai's log to a file on request.
 */
final class EngineLogging {

    /** The parent of every module's logger, held strongly. */
    private static final List<Logger> ENGINE_LOGGERS = List.of(Logger.getLogger("io.skitai"));
    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final List<Logger> LIBRARIES = List.of(Logger.getLogger("io.undertow"), Logger.getLogger("org.xnio"),
            Logger.getLogger("org.jboss.threads"));

    private EngineLogging() {}

    /**
     * Library start-up chatter (versions, "starting server") only at WARNING and above; Skitai's
     * own records one line each on the console ({@link EngineLogFormat}), unless the user's logging
     * configuration already gave the {@code io.skitai} logger handlers of its own.
     */
    static synchronized void setUp() {
        for (Logger l : LIBRARIES) {
            if (l.getLevel() == null) {
                l.setLevel(Level.WARNING);
            }
        }
        Logger engine = ENGINE_LOGGERS.get(0);
        if (engine.getHandlers().length == 0 && LogManager.getLogManager().getProperty("io.skitai.handlers") == null) {
            ConsoleHandler console = new ConsoleHandler();
            console.setFormatter(new EngineLogFormat());
            engine.addHandler(console);
            engine.setUseParentHandlers(false);
        }
    }

    /**
     * Also writes the engine log to {@code file}, for one server: records logged while a request of
     * {@code owner} is handled go to its file only (two servers in one JVM keep their files apart);
     * records no request can be told from (start, stop, library warnings) go to every server's file.
     * Close the returned handler with {@link #close(Handler)} when the server stops.
     */
    static Handler toFile(Path file, ServerContext owner) throws IOException {
        FileHandler handler = new FileHandler(file.toAbsolutePath().toString(), true);
        handler.setFormatter(new EngineLogFormat());
        handler.setFilter(record -> Exchange.current().map(ex -> ex.server() == owner).orElse(true));
        for (Logger logger : ENGINE_LOGGERS) {
            logger.addHandler(handler);
        }
        return handler;
    }

    /** Detaches and closes a handler made by {@link #toFile}. */
    static void close(Handler handler) {
        for (Logger logger : ENGINE_LOGGERS) {
            logger.removeHandler(handler);
        }
        handler.close();
    }
}
