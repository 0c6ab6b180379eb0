package io.skitai.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The websocket load client of {@code benchmarks/ws.sh}, on the JDK's websocket client.
 *
 * <pre>
 * java -cp skitai-benchmarks.jar io.skitai.benchmarks.WsLoad hold ws://127.0.0.1:PORT/idle N SECONDS
 *     opens N websockets (200 handshakes at a time), prints "held N", keeps them SECONDS, closes them
 * java -cp skitai-benchmarks.jar io.skitai.benchmarks.WsLoad broadcast ws://127.0.0.1:PORT/room?r=1 M ROUNDS
 *     opens M websockets in one room; each round one of them sends a message and the time until
 *     the last of the M has it is taken; prints the median, p90 and max in milliseconds
 * </pre>
 */
public final class WsLoad {

    private WsLoad() {}

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[1]);
        int n = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newHttpClient();
        if (args[0].equals("hold")) {
            List<WebSocket> sockets = open(http, uri, n, new Counter());
            System.out.println("held " + sockets.size());
            Thread.sleep(Long.parseLong(args[3]) * 1000);
            sockets.forEach(WebSocket::abort);
        } else {
            broadcast(http, uri, n, Integer.parseInt(args[3]));
        }
        System.exit(0);
    }

    /** Counts the messages of one round down. */
    static final class Counter {
        final AtomicReference<CountDownLatch> round = new AtomicReference<>(new CountDownLatch(0));
    }

    private static void broadcast(HttpClient http, URI uri, int n, int rounds) throws Exception {
        Counter counter = new Counter();
        List<WebSocket> sockets = open(http, uri, n, counter);
        long[] millis = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            CountDownLatch all = new CountDownLatch(n);
            counter.round.set(all);
            long start = System.nanoTime();
            sockets.get(r % n).sendText("round " + r, true).join();
            if (!all.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("round " + r + ": only " + (n - all.getCount()) + " of " + n + " received");
            }
            millis[r] = System.nanoTime() - start;
            Thread.sleep(50);
        }
        Arrays.sort(millis);
        System.out.printf("broadcast to %d: median %.2f ms, p90 %.2f ms, max %.2f ms over %d rounds%n", n,
                millis[rounds / 2] / 1e6, millis[(int) (rounds * 0.9)] / 1e6, millis[rounds - 1] / 1e6, rounds);
        sockets.forEach(WebSocket::abort);
    }

    private static List<WebSocket> open(HttpClient http, URI uri, int n, Counter counter) throws Exception {
        Semaphore inFlight = new Semaphore(200);
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            CompletableFuture<WebSocket> f = http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    if (last) {
                        counter.round.get().countDown();
                    }
                    ws.request(1);
                    return null;
                }
            });
            f.whenComplete((ws, e) -> inFlight.release());
            opening.add(f);
        }
        List<WebSocket> sockets = new ArrayList<>(n);
        for (CompletableFuture<WebSocket> f : opening) {
            sockets.add(f.get(60, TimeUnit.SECONDS));
        }
        return sockets;
    }
}
