package io.skitai.core.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Sends the engine's own log (the "skitai" logger) to a file as well as the console. */
final class EngineLogFile {

    private static final Logger ENGINE = Logger.getLogger("skitai");

    private EngineLogFile() {}

    static synchronized void install(Path file) throws IOException {
        String pattern = file.toAbsolutePath().toString();
        for (Handler h : ENGINE.getHandlers()) {
            if (h instanceof FileHandler) {
                ENGINE.removeHandler(h);
                h.close();
            }
        }
        FileHandler handler = new FileHandler(pattern, true);
        handler.setFormatter(new SimpleFormatter());
        ENGINE.addHandler(handler);
    }
}
