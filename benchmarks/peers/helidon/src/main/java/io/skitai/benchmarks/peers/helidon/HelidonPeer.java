package io.skitai.benchmarks.peers.helidon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.staticcontent.FileSystemHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Helidon SE 4 serving the benchmark's endpoints as a Helidon user writes them: {@code /}
 * (plaintext), {@code /json} (Jackson bytes) and {@code /static/*} through Helidon's static-content
 * feature with its defaults. Helidon runs every request on a virtual thread (its only model).
 *
 * <pre>java -jar benchmarks/peers/helidon/target/helidon-peer.jar PORT STATIC_DIR</pre>
 */
public final class HelidonPeer {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] HELLO = "Hello World".getBytes(StandardCharsets.UTF_8);
    private static final Header TEXT = HeaderValues.createCached(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");

    private HelidonPeer() {}

    /** Starts the server on 127.0.0.1:{@code args[0]}, static files from the directory {@code args[1]}. */
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Path staticDir = Path.of(args[1]).toAbsolutePath();
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .routing(r -> r
                        .get("/", (req, res) -> res.header(TEXT).send(HELLO))
                        .get("/json", (req, res) -> res.header(HeaderValues.CONTENT_TYPE_JSON)
                                .send(MAPPER.writeValueAsBytes(Map.of("message", "Hello World"))))
                        .register("/static", StaticContentFeature.createService(
                                FileSystemHandlerConfig.builder().location(staticDir).build())))
                .build()
                .start();
        System.out.println("helidon listening on 127.0.0.1:" + server.port());
    }
}
