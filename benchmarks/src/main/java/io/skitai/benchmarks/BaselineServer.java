package io.skitai.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.Undertow;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The baseline the benchmark compares Skitai with: the same endpoints as examples/hello (and the
 * {@code /users/{id}} route of examples/atila-app),
 * written with Undertow alone. Like Skitai's default, the two handlers run on a virtual thread per
 * request (dispatched from the IO thread), with the buffer pool set up for that (no thread-local
 * cache); static files use Undertow's own ResourceHandler.
 *
 * <pre>java -cp benchmarks/target/skitai-benchmarks.jar io.skitai.benchmarks.BaselineServer PORT STATIC_DIR</pre>
 */
public final class BaselineServer {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ExecutorService VIRTUAL = Executors.newVirtualThreadPerTaskExecutor();

    private BaselineServer() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Path staticDir = Path.of(args[1]);
        PathHandler routes = new PathHandler(onVirtualThread(BaselineServer::hello))
                .addExactPath("/json", onVirtualThread(BaselineServer::json))
                .addPrefixPath("/users", onVirtualThread(BaselineServer::user))
                .addPrefixPath("/static", new ResourceHandler(new PathResourceManager(staticDir)));
        // Undertow's default buffer pool caches per thread, which strands direct buffers when every
        // request has its own virtual thread (it runs out of direct memory within seconds); this is
        // the same pool configuration Skitai uses (shared, no thread-local cache, 1024 buffers).
        Undertow.builder()
                .setByteBufferPool(new DefaultByteBufferPool(true, 16 * 1024 - 20, 1024, 0))
                .addHttpListener(port, "127.0.0.1", routes)
                .build()
                .start();
        System.out.println("baseline listening on 127.0.0.1:" + port);
    }

    private static HttpHandler onVirtualThread(HttpHandler handler) {
        return exchange -> exchange.dispatch(VIRTUAL, handler);
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
