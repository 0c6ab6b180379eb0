package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.testkit.TestKit;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server's upstream client against a raw Undertow upstream: the pool bound per upstream,
 * keep-alive reuse, bodies both ways (fixed and chunked), the answer size limit, refused
 * connections, the waiting line's bound and cancellation.
 */
class UpstreamClientTest {

    private Undertow upstream;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final Set<Integer> closedPorts = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stopUpstream() {
        if (upstream != null) {
            upstream.stop();
        }
    }

    /** Starts the upstream; {@code handler} runs on a worker thread and may block. */
    private URI upstream(HttpHandler handler) {
        upstream = Undertow.builder().addHttpListener(0, "127.0.0.1").setWorkerThreads(64).setHandler(ex -> {
            int port = ex.getSourceAddress().getPort();
            if (clientPorts.add(port)) {
                ex.getConnection().addCloseListener(c -> closedPorts.add(port));
            }
            ex.dispatch(() -> {
                ex.startBlocking();
                try {
                    handler.handleRequest(ex);
                } catch (Exception e) {
                    ex.setStatusCode(500);
                }
                ex.endExchange();
            });
        }).build();
        upstream.start();
        int port = ((InetSocketAddress) upstream.getListenerInfo().get(0).getAddress()).getPort();
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Runs {@code test} with the client of a server configured by {@code config}. */
    private static void withClient(ServerBuilder config, org.junit.jupiter.api.function.ThrowingConsumer<UpstreamClient> test) {
        AtomicReference<UpstreamClient> client = new AtomicReference<>();
        config.mount("/", (Handler) ex -> {
            client.set(ex.server().upstreamClient());
            ex.send("ok");
        });
        TestKit.serve(config, cli -> {
            cli.get("/");
            test.accept(client.get());
        });
    }

    private static UpstreamResponse get(UpstreamClient client, URI uri) throws Exception {
        return client.send(UpstreamRequest.of("GET", uri, Map.of())).get(30, TimeUnit.SECONDS);
    }

    @Test
    void callsBeyondThePoolBoundWaitForAConnection() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch fourAtOnce = new CountDownLatch(4);
        URI uri = upstream(ex -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            fourAtOnce.countDown();
            // Answers only once the bound is reached: the first four prove four run at once.
            fourAtOnce.await(30, TimeUnit.SECONDS);
            inFlight.decrementAndGet();
            ex.getResponseSender().send("n");
        });
        withClient(ServerBuilder.create().set(UpstreamClient.MAX_CONNECTIONS, 4), client -> {
            List<CompletableFuture<UpstreamResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(client.send(UpstreamRequest.of("GET", uri.resolve("/" + i), Map.of())));
            }
            for (CompletableFuture<UpstreamResponse> c : calls) {
                assertThat(c.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            assertThat(most.get()).as("requests the upstream had at once").isEqualTo(4);
            assertThat(clientPorts).as("connections made for 40 calls").hasSize(4);
        });
    }

    @Test
    void anUpstreamThatClosesEveryConnectionGetsOneConnectionPerCall() throws Exception {
        URI uri = upstream(ex -> {
            ex.getResponseHeaders().put(Headers.CONNECTION, "close");
            ex.getResponseSender().send("once");
        });
        withClient(ServerBuilder.create().set(UpstreamClient.MAX_CONNECTIONS, 2), client -> {
            List<CompletableFuture<UpstreamResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(client.send(UpstreamRequest.of("GET", uri, Map.of())));
            }
            for (CompletableFuture<UpstreamResponse> c : calls) {
                assertThat(c.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            assertThat(clientPorts).as("no connection opened beyond the calls waiting").hasSize(10);
            get(client, uri);
            assertThat(clientPorts).as("no idle spare connection was left behind").hasSize(11);
        });
    }

    @Test
    void sequentialCallsReuseOneConnection() throws Exception {
        URI uri = upstream(ex -> ex.getResponseSender().send("x"));
        withClient(ServerBuilder.create(), client -> {
            for (int i = 0; i < 5; i++) {
                UpstreamResponse r = get(client, uri);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.protocol()).isEqualTo("HTTP/1.1");
            }
            assertThat(clientPorts).hasSize(1);
        });
    }

    @Test
    void bodiesTravelBothWaysFixedAndChunked() throws Exception {
        URI uri = upstream(ex -> {
            byte[] body = ex.getInputStream().readAllBytes();
            ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/octet-stream");
            // No Content-Length: Undertow answers chunked.
            ex.getOutputStream().write(body);
            ex.getOutputStream().write(body);
        });
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i % 251);
        }
        withClient(ServerBuilder.create(), client -> {
            UpstreamResponse r = client.send(new UpstreamRequest("POST", uri, Map.of("Content-Type", "application/octet-stream"), big))
                    .get(30, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("transfer-encoding")).isEqualTo("chunked");
            assertThat(r.body()).hasSize(2 * big.length);
            assertThat(java.util.Arrays.copyOfRange(r.body(), big.length, 2 * big.length)).isEqualTo(big);
            UpstreamResponse empty = client.send(new UpstreamRequest("POST", uri, Map.of(), new byte[0])).get(30, TimeUnit.SECONDS);
            assertThat(empty.body()).isEmpty();
            assertThat(clientPorts).as("both on one connection").hasSize(1);
        });
    }

    @Test
    void anAnswerOverTheLimitFailsAndItsConnectionCloses() throws Exception {
        URI uri = upstream(ex -> ex.getResponseSender().send("y".repeat(Integer.parseInt(ex.getQueryParameters().get("n").getFirst()))));
        withClient(ServerBuilder.create().set(UpstreamClient.MAX_RESPONSE_BYTES, 1000L), client -> {
            assertThat(get(client, uri.resolve("/?n=1000")).body()).hasSize(1000);
            assertThatThrownBy(() -> get(client, uri.resolve("/?n=1001"))).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IOException.class).hasMessageContaining("SKITAI-C087").hasMessageContaining("1000 bytes");
            assertThat(new String(get(client, uri.resolve("/?n=3")).body(), StandardCharsets.UTF_8)).isEqualTo("yyy");
            assertThat(clientPorts).as("the connection of the refused answer was not used again").hasSize(2);
        });
    }

    @Test
    void aRefusedConnectionIsAConnectException() throws Exception {
        int port = TestKit.freePort();
        URI nobody = URI.create("http://127.0.0.1:" + port + "/");
        withClient(ServerBuilder.create(), client -> assertThatThrownBy(() -> get(client, nobody))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ConnectException.class));
    }

    @Test
    void theWaitingLineIsBounded() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        URI uri = upstream(ex -> {
            arrived.countDown();
            release.await(30, TimeUnit.SECONDS);
            ex.getResponseSender().send("z");
        });
        withClient(ServerBuilder.create().set(UpstreamClient.MAX_CONNECTIONS, 1).set(UpstreamClient.MAX_WAITING, 2), client -> {
            List<CompletableFuture<UpstreamResponse>> calls = new ArrayList<>();
            calls.add(client.send(UpstreamRequest.of("GET", uri, Map.of())));
            assertThat(arrived.await(30, TimeUnit.SECONDS)).as("the first call holds the one connection").isTrue();
            for (int i = 0; i < 2; i++) {
                calls.add(client.send(UpstreamRequest.of("GET", uri, Map.of())));
            }
            CompletableFuture<UpstreamResponse> fourth = client.send(UpstreamRequest.of("GET", uri, Map.of()));
            assertThatThrownBy(() -> fourth.get(30, TimeUnit.SECONDS)).cause().hasMessageContaining("SKITAI-C086");
            release.countDown();
            for (CompletableFuture<UpstreamResponse> c : calls) {
                assertThat(c.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        });
    }

    @Test
    void cancellingACallClosesItsConnection() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            // An upstream that reads the request, never answers, and sees the client close.
            Thread.ofVirtual().start(() -> {
                try (java.net.Socket s = silent.accept()) {
                    java.io.InputStream in = s.getInputStream();
                    in.read(new byte[4096]);
                    arrived.countDown();
                    while (in.read() >= 0) {
                        // drains until the client closes
                    }
                    closed.countDown();
                } catch (IOException ignored) {
                    closed.countDown();
                }
            });
            URI uri = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/");
            withClient(ServerBuilder.create(), client -> {
                CompletableFuture<UpstreamResponse> call = client.send(UpstreamRequest.of("GET", uri, Map.of()));
                assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
                call.cancel(false);
                assertThat(closed.await(30, TimeUnit.SECONDS)).as("the abandoned request's connection is closed").isTrue();
            });
        }
    }

    @Test
    void aHeaderThatCouldForgeARequestIsRefused() {
        URI uri = URI.create("http://127.0.0.1:1/");
        assertThatThrownBy(() -> UpstreamRequest.of("GET", uri, Map.of("X-A", "1\r\nX-Forged: 2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CR, LF");
        assertThatThrownBy(() -> UpstreamRequest.of("GET", uri, Map.of("Bad Name", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header name");
    }
}
