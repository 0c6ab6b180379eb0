package io.skitai.benchmarks.peers.vertx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Vert.x 5 (vertx-web) serving the benchmark's endpoints the usual Vert.x way: one verticle per
 * core (each on its own event loop, all listening on the same port), a {@link Router} with
 * {@code /} (plaintext), {@code /json} (Jackson bytes) and {@code /static/*} through
 * {@link StaticHandler} with its defaults. Handlers run on the event loop.
 *
 * <pre>java -jar benchmarks/peers/vertx/target/vertx-peer.jar PORT STATIC_DIR</pre>
 */
public final class VertxPeer extends VerticleBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] HELLO = "Hello World".getBytes(StandardCharsets.UTF_8);

    private final int port;
    private final String staticDir;

    private VertxPeer(int port, String staticDir) {
        this.port = port;
        this.staticDir = staticDir;
    }

    /** Deploys one verticle per available processor on 127.0.0.1:{@code args[0]}, static files from {@code args[1]}. */
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        String staticDir = Path.of(args[1]).toAbsolutePath().toString();
        int instances = Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(() -> new VertxPeer(port, staticDir), new DeploymentOptions().setInstances(instances))
                .await();
        System.out.println("vertx listening on 127.0.0.1:" + port + " (" + instances + " verticles)");
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.get("/").handler(ctx -> ctx.response()
                .putHeader("content-type", "text/plain; charset=utf-8")
                .end(Buffer.buffer(HELLO)));
        router.get("/json").handler(ctx -> ctx.response()
                .putHeader("content-type", "application/json")
                .end(Buffer.buffer(json(Map.of("message", "Hello World")))));
        router.route("/static/*").handler(StaticHandler.create(FileSystemAccess.ROOT, staticDir));
        return vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1");
    }

    private static byte[] json(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
