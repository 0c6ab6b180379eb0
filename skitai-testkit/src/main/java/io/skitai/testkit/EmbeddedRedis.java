package io.skitai.testkit;

import io.skitai.testkit.internal.FreePorts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

/**
 * A real Redis for one test class: the {@code redis-server} binary that
 * {@code com.github.codemonstur:embedded-redis} ships (add it with test scope; the testkit's
 * dependency on it is optional), started on 127.0.0.1 and a free port before the class's tests,
 * with no persistence, and stopped after them.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedRedis REDIS = new EmbeddedRedis();
 *
 * @Test
 * void sharesState() {
 *     config.processes().shareStateOnRedis(REDIS.uri(0));
 * }
 * }</pre>
 *
 * Where the binary cannot run (or the artifact is missing), a test that asks for {@link #port()}
 * or {@link #uri(int)} is skipped with the reason; the class's other tests still run.
 */
public final class EmbeddedRedis implements BeforeAllCallback, AfterAllCallback {

    private RedisServer redis;
    private int port;
    private String problem;

    @Override
    public void beforeAll(ExtensionContext context) {
        port = FreePorts.pick();
        try {
            redis = RedisServer.newRedisServer().port(port).bind(FreePorts.LOOPBACK)
                    .setting("save \"\"").setting("appendonly no").build();
            redis.start();
        } catch (Exception | LinkageError e) {
            redis = null;
            problem = "the embedded redis-server cannot run here (com.github.codemonstur:embedded-redis): " + e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (redis != null) {
            redis.stop();
            redis = null;
        }
    }

    /** The server's port; skips the calling test when the server could not start. */
    public int port() {
        Assumptions.assumeTrue(redis != null, () -> problem);
        return port;
    }

    /** {@code redis://127.0.0.1:<port>/<database>}; skips the calling test when the server could not start. */
    public String uri(int database) {
        return "redis://" + FreePorts.LOOPBACK + ":" + port() + "/" + database;
    }
}
