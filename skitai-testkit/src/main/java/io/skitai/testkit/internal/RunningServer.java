package io.skitai.testkit.internal;

import io.skitai.core.SkitaiServer;
import java.util.Optional;

/**
 * A server a test talks to: started in this JVM, in a child JVM, or run by the user (dry). Closing
 * it stops what the testkit started and nothing else. Closing twice is harmless.
 */
public interface RunningServer extends AutoCloseable {

    /** The host to connect to (always a literal address). */
    String host();

    /** The port it listens on. */
    int port();

    /** The in-process server, when there is one. */
    default Optional<SkitaiServer> server() {
        return Optional.empty();
    }

    /** What this is, for messages (e.g. "runs io.x.Main in a child JVM"). */
    String describe();

    @Override
    void close();
}
