package io.skitai.benchmarks.peers.vertx;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpResponseExpectation;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.List;

/**
 * The fan-out route of examples/fanout ({@code /api}) written with Vert.x 5: three parallel GETs
 * ({@code /weather}, {@code /news}, {@code /quote}, one upstream each) through a {@link WebClient},
 * answered as one JSON object {@code {weather, news, quote, ms}}. One verticle per core, each with
 * its own client (HTTP/1.1 keep-alive, a pool of {@code --pool} connections per upstream, 1024 by
 * default, so the pool never queues a call at the benchmark's concurrency, as the JDK HttpClient
 * behind Skitai's was.get does not).
 *
 * <pre>java -cp benchmarks/peers/vertx/target/vertx-peer.jar io.skitai.benchmarks.peers.vertx.VertxFanout
 *     PORT HOST:PORT,HOST:PORT,HOST:PORT [--pool=N]</pre>
 */
public final class VertxFanout extends VerticleBase {

    private final int port;
    private final List<String> upstreams;
    private final int pool;

    private VertxFanout(int port, List<String> upstreams, int pool) {
        this.port = port;
        this.upstreams = upstreams;
        this.pool = pool;
    }

    /** Deploys one verticle per available processor on 127.0.0.1:{@code args[0]}, calling the upstreams of {@code args[1]}. */
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        List<String> upstreams = List.of(args[1].split(","));
        if (upstreams.size() != 3) {
            System.err.println("VertxFanout: three upstreams host:port,host:port,host:port, got " + args[1]);
            System.exit(2);
        }
        int pool = 1024;
        for (int i = 2; i < args.length; i++) {
            if (args[i].startsWith("--pool=")) {
                pool = Integer.parseInt(args[i].substring("--pool=".length()));
            }
        }
        int instances = Runtime.getRuntime().availableProcessors();
        int poolSize = pool;
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(() -> new VertxFanout(port, upstreams, poolSize), new DeploymentOptions().setInstances(instances))
                .await();
        System.out.println("vertx fan-out listening on 127.0.0.1:" + port + " (" + instances + " verticles, upstreams "
                + upstreams + ")");
    }

    @Override
    public Future<?> start() {
        WebClient client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(pool));
        Router router = Router.router(vertx);
        router.get("/api").handler(ctx -> {
            long start = System.nanoTime();
            Future<JsonObject> weather = call(client, upstreams.get(0), "/weather");
            Future<JsonObject> news = call(client, upstreams.get(1), "/news");
            Future<JsonObject> quote = call(client, upstreams.get(2), "/quote");
            Future.all(weather, news, quote).onSuccess(all -> {
                JsonObject out = new JsonObject()
                        .put("weather", weather.result())
                        .put("news", news.result())
                        .put("quote", quote.result())
                        .put("ms", (System.nanoTime() - start) / 1_000_000);
                ctx.response().putHeader("content-type", "application/json").end(out.toBuffer());
            }).onFailure(ctx::fail);
        });
        return vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1");
    }

    private static Future<JsonObject> call(WebClient client, String member, String path) {
        int colon = member.lastIndexOf(':');
        String host = member.substring(0, colon).strip();
        int port = Integer.parseInt(member.substring(colon + 1).strip());
        return client.get(port, host, path).send()
                .expecting(HttpResponseExpectation.SC_SUCCESS)
                .map(HttpResponse<Buffer>::bodyAsJsonObject);
    }
}
