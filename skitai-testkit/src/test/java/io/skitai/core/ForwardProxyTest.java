package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestKit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forward proxy on real sockets: the JDK's HTTP client tunnels a real HTTPS request through
 * CONNECT and sends plain requests in absolute form; loopback, private, link-local and metadata
 * destinations, by address or by a name resolving to one, are refused before any connection is
 * made (every destination here is local or refused: nothing leaves the machine).
 */
class ForwardProxyTest {

    @TempDir
    Path dir;

    /** Names for the refusal tests, resolved without DNS; anything else does not resolve. */
    private static final ForwardProxy.HostResolver NAMES = host -> switch (host) {
        case "intranet.test" -> new InetAddress[] {InetAddress.getByName("10.1.2.3")};
        case "metadata.test" -> new InetAddress[] {InetAddress.getByName("169.254.169.254")};
        case "v6-loopback.test" -> new InetAddress[] {InetAddress.getByName("::1")};
        case "mixed.test" -> new InetAddress[] {InetAddress.getByName("93.184.215.14"), InetAddress.getByName("192.168.1.1")};
        case "localhost" -> InetAddress.getAllByName("localhost");
        default -> throw new UnknownHostException(host);
    };

    @Test
    void connectTunnelCarriesARealHttpsRequest() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, TestPki.KeyFormat.ENCRYPTED_PKCS8_EC);
        ServerBuilder tls = ServerBuilder.create().enableSsl(pem.certificate(), pem.key(), TestPki.PASSPHRASE);
        tls.mount("/", (Handler) ex -> ex.send("secret page over " + ex.scheme() + " for " + ex.header("Host").orElse("-")));
        TestKit.serve(tls, origin -> {
            ServerBuilder proxy = ServerBuilder.create();
            int nobody = TestKit.freePort();
            proxy.enableProxy(ForwardProxy.builder().allowNetworks("127.0.0.1/32").connectPorts(origin.port(), nobody).build());
            TestKit.serve(proxy, p -> {
                try (HttpClient client = HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", p.port())))
                        .sslContext(TestPki.trusting(pem.x509())).version(HttpClient.Version.HTTP_1_1).build()) {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + origin.port() + "/page"))
                            .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(r.body()).isEqualTo("secret page over https for 127.0.0.1:" + origin.port());
                }
                assertThat(connect(p.port(), "127.0.0.1:" + nobody)).as("an allowed port nobody listens on")
                        .startsWith("HTTP/1.1 502");
            });
        });
    }

    @Test
    void absoluteFormRequestsAreForwardedWithTheirBodies() {
        AtomicInteger seen = new AtomicInteger();
        ServerBuilder upstream = ServerBuilder.create();
        upstream.mount("/", ex -> {
            seen.incrementAndGet();
            ex.send(ex.method() + " " + ex.requestUri() + " host " + ex.header("Host").orElse("-") + " body " + ex.body().length
                    + " proxy-auth " + ex.header("Proxy-Authorization").orElse("-"));
        });
        TestKit.serve(upstream, up -> {
            ServerBuilder proxy = ServerBuilder.create();
            proxy.enableProxy(ForwardProxy.builder().allowNetworks("127.0.0.1/32").httpPorts(up.port()).credentials("ann", "pw").build());
            TestKit.serve(proxy, p -> {
                String base = "http://127.0.0.1:" + up.port();
                String noAuth = request(p.port(), "GET " + base + "/a?q=1 HTTP/1.1\r\nHost: 127.0.0.1:" + up.port() + "\r\n\r\n");
                assertThat(noAuth).startsWith("HTTP/1.1 407").contains("Proxy-Authenticate: Basic realm=\"skitai proxy\"");
                String auth = "Proxy-Authorization: Basic " + java.util.Base64.getEncoder().encodeToString("ann:pw".getBytes(StandardCharsets.UTF_8));
                String got = request(p.port(), "GET " + base + "/a?q=1 HTTP/1.1\r\nHost: 127.0.0.1:" + up.port() + "\r\n" + auth
                        + "\r\nConnection: close\r\n\r\n");
                assertThat(got).startsWith("HTTP/1.1 200").endsWith("GET /a?q=1 host 127.0.0.1:" + up.port() + " body 0 proxy-auth -");
                String post = request(p.port(), "POST " + base + "/b HTTP/1.1\r\nHost: 127.0.0.1:" + up.port() + "\r\n" + auth
                        + "\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
                assertThat(post).startsWith("HTTP/1.1 200").endsWith("POST /b host 127.0.0.1:" + up.port() + " body 5 proxy-auth -");
                assertThat(seen.get()).isEqualTo(2);
                assertThat(p.get("/a").status()).as("an ordinary request goes to the mounts").isEqualTo(404);
            });
        });
    }

    @Test
    void forwardedResponsesGoThroughTheCacheFileSystem() {
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        ServerBuilder upstream = ServerBuilder.create();
        upstream.mount("/", ex -> {
            seen.add(ex.path() + " host " + ex.header("Host").orElse("-") + " inm " + ex.header("If-None-Match").orElse("-"));
            if (ex.path().equals("/fresh")) {
                ex.header("Cache-Control", "max-age=60").send("fresh body");
            } else if (ex.header("If-None-Match").orElse("").equals("\"v1\"")) {
                ex.status(304).header("ETag", "\"v1\"").send(new byte[0]);
            } else {
                ex.header("Cache-Control", "no-cache").header("ETag", "\"v1\"").send("validated body");
            }
        });
        TestKit.serve(upstream, up -> {
            ServerBuilder proxy = ServerBuilder.create();
            proxy.enableCachefs(1 << 20, 0, null);
            proxy.enableProxy(ForwardProxy.builder().allowNetworks("127.0.0.1/32").httpPorts(up.port()).allowHosts("*.test")
                    .resolver(host -> host.equals("origin.test") ? new InetAddress[] {InetAddress.getByName("127.0.0.1")} : NAMES.resolve(host))
                    .build());
            TestKit.serve(proxy, p -> {
                String origin = "origin.test:" + up.port();
                for (int i = 0; i < 5; i++) {
                    assertThat(request(p.port(), "GET http://" + origin + "/fresh HTTP/1.1\r\nHost: " + origin + "\r\nConnection: close\r\n\r\n"))
                            .startsWith("HTTP/1.1 200").endsWith("fresh body");
                }
                assertThat(request(p.port(), "GET http://127.0.0.1:" + up.port() + "/fresh HTTP/1.1\r\nHost: 127.0.0.1:" + up.port()
                        + "\r\nConnection: close\r\n\r\n")).as("a host off the allow-list").startsWith("HTTP/1.1 403");
                for (int i = 0; i < 3; i++) {
                    assertThat(request(p.port(), "GET http://" + origin + "/checked HTTP/1.1\r\nHost: " + origin + "\r\nConnection: close\r\n\r\n"))
                            .startsWith("HTTP/1.1 200").endsWith("validated body");
                }
            });
        });
        String host = " host origin.test:";
        assertThat(seen.stream().filter(s -> s.startsWith("/fresh")).count()).as("5 GETs of a fresh answer, 1 upstream").isEqualTo(1);
        List<String> checked = seen.stream().filter(s -> s.startsWith("/checked")).toList();
        assertThat(checked).hasSize(3);
        assertThat(checked.get(0)).contains(host).endsWith("inm -");
        assertThat(checked.subList(1, 3)).as("revalidated at the checked address with the URL's Host")
                .allSatisfy(s -> assertThat(s).contains(host).endsWith("inm \"v1\""));
    }

    @Test
    void internalDestinationsByAddressOrNameAreRefused() {
        ServerBuilder proxy = ServerBuilder.create();
        proxy.enableProxy(ForwardProxy.builder().resolver(NAMES).build());
        TestKit.serve(proxy, p -> {
            Map<String, String> answers = new LinkedHashMap<>();
            for (String target : List.of("127.0.0.1:443", "10.0.0.1:443", "10.255.1.2:443", "172.16.5.4:443", "192.168.1.1:443",
                    "169.254.169.254:443", "100.64.0.1:443", "0.0.0.0:443", "[::1]:443", "[::ffff:127.0.0.1]:443", "[fd00::1]:443",
                    "[fe80::1]:443", "localhost:443", "intranet.test:443", "metadata.test:443", "v6-loopback.test:443", "mixed.test:443")) {
                answers.put("CONNECT " + target, firstLine(connect(p.port(), target)));
            }
            for (String url : List.of("http://127.0.0.1/", "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/",
                    "http://[::1]/", "http://localhost/", "http://intranet.test/", "http://metadata.test/latest/meta-data/")) {
                String host = URI.create(url).getRawAuthority();
                answers.put("GET " + url, firstLine(request(p.port(), "GET " + url + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")));
            }
            List<String> notRefused = new ArrayList<>();
            answers.forEach((what, status) -> {
                // 403 from the destination rules; Undertow itself answers 400 to an IPv4-mapped Host.
                if (!status.startsWith("HTTP/1.1 403") && !(what.contains("::ffff:") && status.startsWith("HTTP/1.1 400"))) {
                    notRefused.add(what + " -> " + status);
                }
            });
            assertThat(notRefused).as("internal destinations not refused").isEmpty();
            assertThat(firstLine(connect(p.port(), "intranet.test:22"))).as("a port other than 443").startsWith("HTTP/1.1 403");
            assertThat(firstLine(connect(p.port(), "nowhere.test:443"))).as("a name that does not resolve").startsWith("HTTP/1.1 502");
            assertThat(firstLine(request(p.port(), "GET https://example.test/ HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n\r\n")))
                    .as("https in absolute form").startsWith("HTTP/1.1 400");
        });
    }

    @Test
    void offByDefaultAndIdleTunnelsAreClosed() throws Exception {
        ServerBuilder plain = ServerBuilder.create();
        plain.mount("/", (Handler) ex -> ex.send("app " + ex.requestUri()));
        TestKit.serve(plain, p -> assertThat(firstLine(connect(p.port(), "127.0.0.1:" + p.port()))).as("CONNECT without enableProxy")
                .startsWith("HTTP/1.1 405"));

        ServerBuilder upstream = ServerBuilder.create();
        upstream.mount("/", (Handler) ex -> ex.send("up"));
        TestKit.serve(upstream, up -> {
            ServerBuilder proxy = ServerBuilder.create();
            proxy.enableProxy(ForwardProxy.builder().allowNetworks("127.0.0.0/8").connectPorts(up.port())
                    .keepAlive(Duration.ofSeconds(60), Duration.ofSeconds(1)).build());
            TestKit.serve(proxy, p -> {
                try (Socket s = new Socket("127.0.0.1", p.port())) {
                    s.setSoTimeout(30_000);
                    s.getOutputStream().write(("CONNECT 127.0.0.1:" + up.port() + " HTTP/1.1\r\nHost: 127.0.0.1:" + up.port() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    assertThat(readHead(s.getInputStream())).startsWith("HTTP/1.1 200");
                    // Say nothing: the proxy closes the tunnel after its keep-alive (1 s).
                    assertThat(s.getInputStream().read()).as("end of stream from an idle tunnel").isEqualTo(-1);
                }
            });
        });
    }

    // ---- raw HTTP/1.1 ---------------------------------------------------------------------------

    private static String connect(int proxyPort, String target) {
        try (Socket s = new Socket("127.0.0.1", proxyPort)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return readHead(s.getInputStream());
        } catch (IOException e) {
            return "no answer: " + e;
        }
    }

    private static String request(int proxyPort, String raw) {
        try (Socket s = new Socket("127.0.0.1", proxyPort)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(raw.getBytes(StandardCharsets.US_ASCII));
            s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "no answer: " + e;
        }
    }

    /** The status line and headers, up to the empty line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        for (int b; state < 4 && (b = in.read()) >= 0;) {
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String firstLine(String response) {
        int end = response.indexOf("\r\n");
        return end < 0 ? response : response.substring(0, end);
    }
}
