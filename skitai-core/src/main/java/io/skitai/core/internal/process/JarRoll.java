package io.skitai.core.internal.process;

import io.skitai.core.internal.apps.FileWatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The master's reloader: looks at the watched app jars every interval and says when one changed. */
final class JarRoll {

    private final FileWatch jars;
    private final long intervalNanos;
    private long nextLook = System.nanoTime();

    JarRoll(List<Path> watched, Duration interval) {
        this.jars = new FileWatch(watched);
        this.intervalNanos = interval.toNanos();
    }

    /** Whether a watched jar changed since the last look (looks at most once per interval). */
    boolean changed() {
        long now = System.nanoTime();
        if (now - nextLook < 0) {
            return false;
        }
        nextLook = now + intervalNanos;
        return jars.changed();
    }

    /** The watched jars. */
    List<Path> files() {
        return jars.files();
    }
}
