package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code mount("/x", "@alias")}: a reverse proxy over the alias's members, on real sockets. */
class ReverseProxyTest {

    /** An upstream that answers its name, counts POSTs and echoes what the proxy sent on. */
    private static ServerBuilder upstream(String name, Map<String, AtomicInteger> posts) {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/", ex -> {
            if (ex.method().equals("POST")) {
                posts.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            }
            Map<String, Object> seen = new HashMap<>();
            seen.put("name", name);
            seen.put("path", ex.path());
            for (String h : List.of("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "Forwarded", "X-Gtxid",
                    "X-Ltxid", "Connection", "X-Hop")) {
                seen.put(h, ex.header(h).orElse("-"));
            }
            if (ex.path().endsWith("/slow")) {
                Thread.sleep(5_000);
            }
            ex.json(seen);
        });
        return config;
    }

    @Test
    void loadBalancesOverTheLiveMembersWithoutFailedGetsOrDuplicatedPosts() {
        Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();
        TestKit.serve(upstream("a", posts), a -> TestKit.serve(upstream("b", posts), b -> {
            ServerBuilder config = ServerBuilder.create();
            config.alias("@members", Proto.HTTP, "127.0.0.1:" + a.port(), "127.0.0.1:" + TestKit.freePort(),
                    "127.0.0.1:" + b.port());
            config.mount("/members", "@members");
            TestKit.serve(config, cli -> {
                Map<String, Integer> served = new HashMap<>();
                for (int i = 0; i < 30; i++) {
                    TestResponse r = cli.get("/members/users/" + i);
                    assertThat(r.status()).as("GET %d", i).isEqualTo(200);
                    served.merge((String) r.<Map<String, Object>>data().get("name"), 1, Integer::sum);
                    assertThat(cli.post("/members/orders", Map.of("n", i)).status()).as("POST %d", i).isEqualTo(200);
                }
                assertThat(served).containsOnlyKeys("a", "b");
                assertThat(posts.values().stream().mapToInt(AtomicInteger::get).sum()).as("POSTs at the upstreams").isEqualTo(30);
            });
        }));
    }

    @Test
    void forwardedHeadersAndTransactionIdsReachTheUpstreamAndHopByHopHeadersDoNot() {
        TestKit.serve(upstream("a", new ConcurrentHashMap<>()), a -> {
            ServerBuilder config = ServerBuilder.create();
            config.alias("@a", Proto.HTTP, "127.0.0.1:" + a.port() + "/base");
            config.mount("/api", "@a");
            TestKit.serve(config, cli -> {
                TestResponse r = cli.request("GET", "/api/x?q=1").header("X-Gtxid", "GTID-C9-R9").header("X-Ltxid", "1000")
                        .header("Connection", "X-Hop").header("X-Hop", "secret").send();
                Map<String, Object> seen = r.data();
                assertThat(seen.get("path")).as("the member's path, then the request's whole").isEqualTo("/base/api/x");
                assertThat(seen.get("X-Forwarded-For")).isEqualTo("127.0.0.1");
                assertThat(seen.get("X-Forwarded-Proto")).isEqualTo("http");
                assertThat((String) seen.get("X-Forwarded-Host")).startsWith("127.0.0.1");
                assertThat((String) seen.get("Forwarded")).startsWith("for=127.0.0.1;proto=http;host=");
                assertThat(seen.get("X-Gtxid")).isEqualTo("GTID-C9-R9");
                assertThat(seen.get("X-Ltxid")).isNotEqualTo("-");
                assertThat(seen.get("X-Hop")).as("named in Connection: hop-by-hop").isEqualTo("-");
            });
        });
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path logs;

    @Test
    void theTransactionIdsAreInTheProxysLogAndTheUpstreamsLog() throws Exception {
        java.nio.file.Path proxyLogs = java.nio.file.Files.createDirectories(logs.resolve("proxy"));
        java.nio.file.Path upstreamLogs = java.nio.file.Files.createDirectories(logs.resolve("upstream"));
        ServerBuilder upstream = upstream("a", new ConcurrentHashMap<>()).enableFileLogging(upstreamLogs);
        TestKit.serve(upstream, a -> {
            ServerBuilder config = ServerBuilder.create().enableFileLogging(proxyLogs);
            config.alias("@a", Proto.HTTP, "127.0.0.1:" + a.port());
            config.mount("/api", "@a");
            TestKit.serve(config, cli -> assertThat(cli.get("/api/logged").status()).isEqualTo(200));
        });
        List<String> atProxy = RequestLogTest.fields(java.nio.file.Files.readAllLines(proxyLogs.resolve("request.log")).get(0));
        List<String> atUpstream = RequestLogTest.fields(java.nio.file.Files.readAllLines(upstreamLogs.resolve("request.log")).get(0));
        assertThat(atProxy.get(5)).isEqualTo("/api/logged");
        assertThat(atUpstream.get(5)).isEqualTo("/api/logged");
        assertThat(atProxy.get(10)).as("gtxid").matches("GTID-C\\d+-R\\d+");
        assertThat(atUpstream.get(10)).as("the same gtxid upstream").isEqualTo(atProxy.get(10));
        assertThat(atProxy.get(11)).as("ltxid of the client's request").isEqualTo("1000");
        assertThat(atUpstream.get(11)).as("ltxid of the proxied call, one level down").isEqualTo("2001");
        assertThat(atUpstream.get(16)).as("X-Forwarded-For at the upstream").isEqualTo("127.0.0.1");
    }

    @Test
    void aTraceparentReachesTheUpstreamWithItsTraceIdAndNamesTheTransactionInBothLogs() throws Exception {
        java.nio.file.Path proxyLogs = java.nio.file.Files.createDirectories(logs.resolve("tproxy"));
        java.nio.file.Path upstreamLogs = java.nio.file.Files.createDirectories(logs.resolve("tupstream"));
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ServerBuilder upstream = ServerBuilder.create().enableFileLogging(upstreamLogs);
        upstream.mount("/", ex -> {
            seen.add(ex.header("traceparent").orElse("-"));
            ex.send("ok");
        });
        TestKit.serve(upstream, a -> {
            ServerBuilder config = ServerBuilder.create().enableFileLogging(proxyLogs);
            config.alias("@a", Proto.HTTP, "127.0.0.1:" + a.port());
            config.mount("/api", "@a");
            TestKit.serve(config, cli -> {
                assertThat(cli.request("GET", "/api/t").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").send().status())
                        .isEqualTo(200);
                assertThat(cli.request("GET", "/api/u").header("traceparent", "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01").send()
                        .status()).as("an invalid traceparent is ignored").isEqualTo(200);
            });
        });
        assertThat(seen.get(0)).as("the same trace, a new parent span, the flags").matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .isNotEqualTo("00-" + traceId + "-00f067aa0ba902b7-01");
        assertThat(seen.get(1)).as("a fresh trace instead of the all-zero one").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00")
                .doesNotContain("0".repeat(32));
        List<String> atProxy = RequestLogTest.fields(java.nio.file.Files.readAllLines(proxyLogs.resolve("request.log")).get(0));
        List<String> atUpstream = RequestLogTest.fields(java.nio.file.Files.readAllLines(upstreamLogs.resolve("request.log")).get(0));
        assertThat(atProxy.get(10)).as("the gtxid is the trace id").isEqualTo(traceId);
        assertThat(atUpstream.get(10)).isEqualTo(traceId);
    }

    @Test
    void unreachableIs502AndSlowIs504() {
        TestKit.serve(upstream("a", new ConcurrentHashMap<>()), a -> {
            ServerBuilder config = ServerBuilder.create();
            config.setRequestTimeout(Duration.ofSeconds(1));
            config.alias("@gone", Proto.HTTP, "127.0.0.1:" + TestKit.freePort());
            config.alias("@a", Proto.HTTP, "127.0.0.1:" + a.port());
            config.mount("/gone", "@gone");
            config.mount("/a", "@a");
            TestKit.serve(config, cli -> {
                assertThat(cli.get("/gone/x").status()).isEqualTo(502);
                assertThat(cli.get("/a/slow").status()).isEqualTo(504);
                assertThat(cli.get("/a/fine").status()).as("the member still serves").isEqualTo(200);
            });
        });
    }

    @Test
    void anAliasSourceNetworksAreEnforcedAndABadOneFailsTheStart() {
        TestKit.serve(upstream("a", new ConcurrentHashMap<>()), a -> {
            ServerBuilder config = ServerBuilder.create();
            config.alias(Alias.of("@inside", Proto.HTTP, "127.0.0.1:" + a.port()).source("10.0.0.0/8, fd00::/8"));
            config.alias(Alias.of("@local", Proto.HTTP, "127.0.0.1:" + a.port()).source("127.0.0.0/8, ::1"));
            config.mount("/inside", "@inside");
            config.mount("/local", "@local");
            TestKit.serve(config, cli -> {
                TestResponse refused = cli.get("/inside/x");
                assertThat(refused.status()).isEqualTo(403);
                assertThat(refused.text()).contains("@inside is not open to 127.0.0.1");
                assertThat(cli.get("/local/x").status()).isEqualTo(200);
            });
            ServerBuilder bad = ServerBuilder.create();
            bad.alias(Alias.of("@bad", Proto.HTTP, "127.0.0.1:" + a.port()).source("10.0.0.0/33"));
            bad.mount("/bad", "@bad");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestKit.serve(bad, cli -> { }))
                    .hasMessageContaining("SKITAI-C007").hasMessageContaining("'10.0.0.0/33': a prefix of 33 does not fit");
        });
    }

    private static final long GIB = 1L << 30;

    @Test
    void aGibibyteStreamsThroughEachWayWithAFlatHeap() throws Exception {
        TestKit.serve(streamingUpstream(), a -> {
            ServerBuilder config = ServerBuilder.create();
            config.alias("@a", Proto.HTTP, "127.0.0.1:" + a.port());
            config.mount("/big", "@a").pref(big());
            TestKit.serve(config, cli -> {
                long heapBefore = usedHeap();
                long[] peak = {0};
                HttpResponse<String> up = cli.httpClient().send(HttpRequest.newBuilder(cli.uri("/big/sink"))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Pattern(GIB, peak))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(up.statusCode()).isEqualTo(200);
                assertThat(up.body()).as("size and digest at the upstream").isEqualTo(digest(new Pattern(GIB, null)));
                HttpResponse<InputStream> down = cli.httpClient().send(HttpRequest.newBuilder(cli.uri("/big/source")).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(down.statusCode()).isEqualTo(200);
                String got;
                try (InputStream in = new Watched(down.body(), peak)) {
                    got = digest(in);
                }
                assertThat(got).as("size and digest back").isEqualTo(digest(new Pattern(GIB, null)));
                assertThat(peak[0] - heapBefore).as("heap growth while 2 GiB passed").isLessThan(256L << 20);
            });
        });
    }

    /**
     * {@code /sink} reads the body as it comes and answers its size and digest; {@code /source}
     * sends a GiB. Undertow's own blocking streams on a worker thread, mounted raw: the proxy is
     * what is measured here.
     */
    private static ServerBuilder streamingUpstream() {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/", new io.undertow.server.handlers.BlockingHandler(ex -> {
            if (ex.getRequestPath().endsWith("/sink")) {
                ex.getOutputStream().write(digest(ex.getInputStream()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } else {
                try (InputStream in = new Pattern(GIB, null)) {
                    in.transferTo(ex.getOutputStream());
                }
            }
        })).pref(big());
        return config;
    }

    /** The byte count and SHA-256 (hex) of a stream. */
    private static String digest(InputStream in) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            sha.update(buf, 0, n);
            total += n;
        }
        return total + " " + java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static Pref big() {
        return Pref.create().maxClientBodySize(4 * GIB).maxPostBodySize(4 * GIB);
    }

    /** Samples the heap every 128 MiB read through it. */
    private static final class Watched extends java.io.FilterInputStream {
        private final long[] peak;
        private long total;

        Watched(InputStream in, long[] peak) {
            super(in);
            this.peak = peak;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = super.read(b, off, len);
            if (n > 0 && ((total += n) & ((1 << 27) - 1)) < n) {
                peak[0] = Math.max(peak[0], usedHeap());
            }
            return n;
        }
    }

    private static long usedHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** {@code size} bytes of a repeating pattern, generated as read. */
    private static final class Pattern extends InputStream {
        private final long size;
        private final long[] peak;
        private long pos;

        /** {@code peak}: where to keep the heap's peak, sampled every 128 MiB (null: not sampled). */
        Pattern(long size, long[] peak) {
            this.size = size;
            this.peak = peak;
        }

        @Override
        public int read() {
            return pos < size ? (int) (pos++ % 251) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((pos + i) % 251);
            }
            if (peak != null && ((pos + n) & ((1 << 27) - 1)) < n) {
                peak[0] = Math.max(peak[0], usedHeap());
            }
            pos += n;
            return n;
        }
    }
}
