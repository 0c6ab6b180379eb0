package io.skitai.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.PathHandler;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code undertow} row of benchmarks/run.sh: the same endpoints as examples/hello (and the
 * {@code /users/{id}} route of examples/atila-app) written with Undertow alone, as an Undertow user
 * gets them: every handler runs on the IO thread (no dispatch), with Undertow's default buffer pool;
 * static files go through Undertow's own {@code ResourceHandler} + {@code PathResourceManager}
 * (which hands each file request to Undertow's worker pool).
 *
 * <pre>java -cp benchmarks/target/skitai-benchmarks.jar io.skitai.benchmarks.BaselineServer PORT STATIC_DIR</pre>
 */
public final class BaselineServer {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BaselineServer() {}

    /** Starts the server on 127.0.0.1:{@code args[0]}, static files from the directory {@code args[1]}. */
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Path staticDir = Path.of(args[1]);
        PathHandler routes = new PathHandler(BaselineServer::hello)
                .addExactPath("/json", BaselineServer::json)
                .addPrefixPath("/users", BaselineServer::user)
                .addPrefixPath("/static", new ResourceHandler(new PathResourceManager(staticDir)));
        // Undertow's default pool, spelled out so it does not depend on the heap size: 16 KiB direct
        // buffers with a small per-thread cache, which suits handlers that stay on the IO threads
        // (the builder picks the same for any heap of 128 MiB or more).
        Undertow.builder()
                .setBufferSize(16 * 1024 - 20)
                .setDirectBuffers(true)
                .addHttpListener(port, "127.0.0.1", routes)
                .build()
                .start();
        System.out.println("undertow listening on 127.0.0.1:" + port);
    }

    private static void hello(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(ByteBuffer.wrap("Hello World".getBytes(StandardCharsets.UTF_8)));
    }

    /** The examples/atila-app route {@code /users/{id:int}?fields=a,b}, written by hand. */
    private static void user(HttpServerExchange exchange) throws Exception {
        String rest = exchange.getRelativePath();
        int id;
        try {
            id = Integer.parseInt(rest.startsWith("/") ? rest.substring(1) : rest);
        } catch (NumberFormatException e) {
            exchange.setStatusCode(400);
            exchange.getResponseSender().send("parameter 'id' must be an integer");
            return;
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("id", id);
        all.put("name", "user" + id);
        all.put("email", "user" + id + "@example.com");
        all.put("active", id % 2 == 0);
        Deque<String> fields = exchange.getQueryParameters().get("fields");
        Map<String, Object> out = all;
        if (fields != null && !fields.getFirst().isEmpty()) {
            out = new LinkedHashMap<>();
            for (String f : fields.getFirst().split(",")) {
                if (all.containsKey(f.trim())) {
                    out.put(f.trim(), all.get(f.trim()));
                }
            }
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(ByteBuffer.wrap(MAPPER.writeValueAsBytes(out)));
    }

    private static void json(HttpServerExchange exchange) throws Exception {
        byte[] body = MAPPER.writeValueAsBytes(Map.of("message", "Hello World"));
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
}
