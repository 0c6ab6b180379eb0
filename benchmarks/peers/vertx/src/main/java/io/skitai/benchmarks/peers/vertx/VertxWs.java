package io.skitai.benchmarks.peers.vertx;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Vert.x side of {@code benchmarks/ws.sh}, written the usual Vert.x way: one verticle per core
 * on the same port, {@code /idle} echoing, {@code /room} writing each message to every websocket
 * of the same query (a room; the set is shared by the verticles, and a write from another event
 * loop is handed to the socket's own).
 *
 * <pre>java -cp benchmarks/peers/vertx/target/vertx-peer.jar io.skitai.benchmarks.peers.vertx.VertxWs PORT</pre>
 */
public final class VertxWs extends VerticleBase {

    private static final Map<String, Set<ServerWebSocket>> ROOMS = new ConcurrentHashMap<>();

    private final int port;

    private VertxWs(int port) {
        this.port = port;
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int instances = Runtime.getRuntime().availableProcessors();
        Vertx.vertx().deployVerticle(() -> new VertxWs(port), new DeploymentOptions().setInstances(instances)).await();
        System.out.println("vertx-ws listening on 127.0.0.1:" + port + " (" + instances + " verticles)");
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer().webSocketHandler(ws -> {
            if (ws.path().equals("/room")) {
                Set<ServerWebSocket> room = ROOMS.computeIfAbsent(String.valueOf(ws.query()), k -> ConcurrentHashMap.newKeySet());
                room.add(ws);
                ws.closeHandler(v -> room.remove(ws));
                ws.textMessageHandler(message -> room.forEach(each -> each.writeTextMessage(message)));
            } else {
                ws.textMessageHandler(ws::writeTextMessage);
            }
        }).listen(port, "127.0.0.1");
    }
}
