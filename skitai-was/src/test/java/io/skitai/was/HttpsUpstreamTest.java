package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.core.Proto;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.core.StartupException;
import io.skitai.testkit.TestKit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls to {@code Proto.HTTPS} aliases against Skitai servers serving TLS with certificates of a
 * private CA made by the test: trusted through {@code setUpstreamTrust}, the call goes through
 * over HTTP/2 (ALPN); untrusted, or trusted but for another host name, it is status 2 with a
 * reason naming the fix.
 */
class HttpsUpstreamTest {

    @TempDir
    static Path dir;

    private static TestCerts.Ca ca;
    private static SkitaiServer upstream;
    private static SkitaiServer wrongName;

    @BeforeAll
    static void startTlsUpstreams() throws Exception {
        ca = TestCerts.ca(dir, "test-ca");
        upstream = tlsServer(TestCerts.server(dir, ca, "upstream", "localhost", "127.0.0.1"));
        wrongName = tlsServer(TestCerts.server(dir, ca, "other", "other.example"));
    }

    /** Client ports of the calls to {@code /together}, which answer once {@link #TOGETHER} calls are in. */
    private static final java.util.Set<Integer> togetherPorts = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final int TOGETHER = 20;
    private static final java.util.concurrent.CountDownLatch allIn = new java.util.concurrent.CountDownLatch(TOGETHER);

    private static SkitaiServer tlsServer(TestCerts.Server cert) {
        ServerBuilder sConfig = ServerBuilder.create();
        sConfig.enableSsl(cert.certificate(), cert.key());
        sConfig.mount("/together", ex -> {
            togetherPorts.add(ex.remoteAddress().getPort());
            allIn.countDown();
            ex.json(Map.of("allIn", allIn.await(30, java.util.concurrent.TimeUnit.SECONDS)));
        });
        sConfig.mount("/", ex -> ex.json(Map.of("protocol", ex.protocol(), "scheme", ex.scheme())));
        SkitaiServer s = SkitaiServer.create(sConfig.build());
        return s.start(TestKit.run());
    }

    @AfterAll
    static void stop() {
        upstream.stop();
        wrongName.stop();
    }

    /** A calling server whose "/" calls {@code @secure/} and answers status, reason and data. */
    private static ServerBuilder caller(SkitaiServer target) {
        ServerBuilder s = ServerBuilder.create();
        s.alias("@secure", Proto.HTTPS, "127.0.0.1:" + target.port());
        s.mount("/", ex -> {
            Result r = Was.current().get("@secure/").dispatch(10);
            ex.json(Map.of("status", r.status(), "reason", r.reason(),
                    "exception", r.exception().map(e -> e.getClass().getName()).orElse("-"),
                    "data", r.status() == Result.NORMAL ? r.data() : Map.of()));
        });
        return s;
    }

    @Test
    void aTrustedCaLetsCallsThroughOverHttp2() {
        TestKit.serve(caller(upstream).setUpstreamTrust(ca.pem()), cli -> {
            Map<String, Object> r = cli.get("/").data();
            assertThat(r).containsEntry("status", Result.NORMAL);
            assertThat(r.get("data")).isEqualTo(Map.of("protocol", "HTTP/2.0", "scheme", "https"));
        });
    }

    @Test
    void theReverseProxyReachesAnHttpsAliasOverHttp2WithTheUpstreamTrust() {
        ServerBuilder config = ServerBuilder.create().setUpstreamTrust(ca.pem());
        config.alias("@secure", Proto.HTTPS, "127.0.0.1:" + upstream.port());
        config.mount("/secure", "@secure");
        TestKit.serve(config, cli -> {
            io.skitai.testkit.TestResponse r = cli.get("/secure/x");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.<Map<String, Object>>data()).isEqualTo(Map.of("protocol", "HTTP/2.0", "scheme", "https"));
        });
        ServerBuilder untrusting = ServerBuilder.create();
        untrusting.alias("@secure", Proto.HTTPS, "127.0.0.1:" + upstream.port());
        untrusting.mount("/secure", "@secure");
        TestKit.serve(untrusting, cli -> assertThat(cli.get("/secure/x").status()).as("an upstream it does not trust").isEqualTo(502));
    }

    @Test
    void trustOnlyTheGivenCertificatesWorksForTheirServers() {
        TestKit.serve(caller(upstream).setUpstreamTrustOnly(ca.pem()), cli -> {
            Map<String, Object> r = cli.get("/").data();
            assertThat(r).containsEntry("status", Result.NORMAL);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void callsAtOnceShareOneHttp2Connection() {
        ServerBuilder config = ServerBuilder.create().setUpstreamTrust(ca.pem());
        config.alias("@secure", Proto.HTTPS, "127.0.0.1:" + upstream.port());
        config.mount("/", ex -> {
            Was was = Was.current();
            List<io.skitai.was.Call> calls = new java.util.ArrayList<>();
            for (int i = 0; i < TOGETHER; i++) {
                calls.add(was.get("@secure/together"));
            }
            List<Object> answers = new java.util.ArrayList<>();
            for (io.skitai.was.Call c : calls) {
                answers.add(c.dispatch(30).data());
            }
            ex.json(Map.of("answers", answers));
        });
        TestKit.serve(config, cli -> {
            Map<String, Object> r = cli.get("/").data();
            assertThat((List<Object>) r.get("answers")).as("every call answered once all " + TOGETHER + " were in")
                    .hasSize(TOGETHER).containsOnly((Object) Map.of("allIn", true));
            assertThat(togetherPorts).as("one HTTP/2 connection carried them all").hasSize(1);
        });
    }

    @Test
    void anUntrustedCertificateIsStatus2WithTheFixInTheReason() {
        TestKit.serve(caller(upstream), cli -> {
            Map<String, Object> r = cli.get("/").data();
            assertThat(r).containsEntry("status", Result.EXCEPTION)
                    .containsEntry("exception", SSLHandshakeException.class.getName());
            assertThat((String) r.get("reason")).contains("SKITAI-W007", "127.0.0.1:" + upstream.port(),
                    "not accepted", "certification path", "setUpstreamTrust");
        });
    }

    @Test
    void hostNamesAreVerifiedEvenForTrustedCertificates() {
        TestKit.serve(caller(wrongName).setUpstreamTrust(ca.pem()), cli -> {
            Map<String, Object> r = cli.get("/").data();
            assertThat(r).containsEntry("status", Result.EXCEPTION);
            assertThat((String) r.get("reason")).contains("SKITAI-W007", "No subject alternative names matching IP address 127.0.0.1");
        });
    }

    @Test
    void aMissingTrustFileFailsTheStart() {
        ServerBuilder sConfig = caller(upstream).setUpstreamTrust(dir.resolve("missing.pem"));
        SkitaiServer s = SkitaiServer.create(sConfig.build());
        assertThatThrownBy(() -> s.start(TestKit.run())).isInstanceOf(StartupException.class)
                .hasMessageContaining("upstream trust file").hasMessageContaining("missing.pem");
        assertThat(s.isRunning()).isFalse();
        assertThatThrownBy(() -> ServerBuilder.create().setUpstreamTrustOnly())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SKITAI-C068");
    }
}
