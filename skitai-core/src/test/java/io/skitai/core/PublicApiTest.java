package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Compiles against core's public API as the README uses it, so a broken signature fails here first. */
class PublicApiTest {

    private static final Setting<Integer> LIMIT = Setting.of("test.limit", Integer.class, 3);

    @SuppressWarnings("unused")
    static SkitaiServer everyForm(String[] args) {
        ServerBuilder config = ServerBuilder.create();
        Mount m = config.mount("/", (Handler) ex -> ex.send("x")).host("a.example.com").name("root")
                .pref(Pref.create().maxClientBodySize(1024).debug(true)).filter(Filter.named("f", next -> next));
        config.mount("/static", Path.of("static"));
        config.mount("/named", "com.example.App");
        config.filter(next -> ex -> next.handle(ex));
        config.setKeepAlive(30).setRequestTimeout(30).setHeaderTimeout(Duration.ofSeconds(10))
                .setBackendKeepAlive(10).setHeaderLimits(8192, 32768, 100).setMinBodyRate(1024)
                .setMaxConcurrentStreams(100).setMaxAge("/static", 60).logOff("/static/")
                .setMaxRcache(100).enableCachefs(64L << 20, 0, null).enableGateway(Gateway.OFF).enableProxy(ForwardProxy.OFF).set(LIMIT, 5).setJsonMapper(Json.newMapper());
        config.enableStatusDashboard(StatusDashboard.at("/status").allowFrom("127.0.0.1", "10.0.0.0/8").gatherWait(Duration.ofSeconds(2)));
        StatusDashboard dashboard = config.setting(StatusDashboard.SETTING);
        boolean on = dashboard.enabled() && StatusDashboard.OFF.path().isEmpty();
        List<String> networks = dashboard.allowedNetworks();
        Duration wait = dashboard.gatherWait();
        Skitai.enableStatusDashboard(StatusDashboard.OFF);
        config.set(TrustedProxies.SETTING, new TrustedProxies(java.util.List.of("10.0.0.0/8")))
                .set(RequestLogFormat.SETTING, RequestLogFormat.JSON_LINES)
                .enableGateway(Gateway.builder().secret("a-secret-of-at-least-thirty-two-bytes").issuer("i").audience("a")
                        .leeway(Duration.ofSeconds(10)).trustForwardedFrom("10.0.0.0/8").maxTokenLength(2048)
                        .auth(GatewayAuth.CLAIMS).build())
                .enableProxy(ForwardProxy.builder().allowHosts("*.example.com").connectPorts(443).httpPorts(80)
                        .credentials("u", "p").keepAlive(Duration.ofSeconds(60), Duration.ofSeconds(600)).build());
        config.mount("/api", (Handler) ex -> ex.send("x")).filter(Cors.builder().allowOrigins("https://a.example.com")
                .allowMethods("GET").allowHeaders("X-T").exposeHeaders("X-E").allowCredentials(true).maxAge(Duration.ofMinutes(1)).build());
        String token = Jwt.hs256("a-secret-of-at-least-thirty-two-bytes", Map.of("sub", "ann"), Duration.ofMinutes(1));
        config.processes().deflu("users").defgs("nodes").setSpareWorker(true).setWorkerCriticalPoint(90, 3, 10)
                .setRunDirectory(Path.of("run"));
        Alias alias = config.alias("@api", Proto.HTTP, "127.0.0.1:5001 2");
        ServerConfig frozen = config.build();
        Map<String, Alias> aliases = frozen.aliases();
        SkitaiServer server = SkitaiServer.create(frozen);
        SkitaiServer other = SkitaiServer.create(c -> c.mount("/", (Handler) ex -> ex.json(Map.of("a", 1))));
        int exit = other.runMain(Run.port(5000).threads(8).workers(2).name("app").args(args));
        server.start(Run.port(0).address("127.0.0.1"));
        int port = server.port();
        ServerStatus status = server.status();
        server.restart();
        server.shutdown();
        server.stop();
        Skitai.setKeepAlive(30);
        Skitai.filter(next -> next);
        Skitai.set(LIMIT, 4);
        ServerBuilder facade = Skitai.config();
        return server;
    }

    @SuppressWarnings("unused")
    static void exchangeForms(Exchange ex) throws Exception {
        Map<String, List<String>> form = ex.form();
        Optional<String> title = ex.formValue("title");
        Optional<Upload> file = ex.file("doc");
        Optional<String> cookie = ex.cookie("sid");
        ex.setCookie(Cookie.of("sid", "1").path("/").httpOnly(true).secure(true).sameSite(Cookie.SameSite.LAX)
                .maxAge(Duration.ofHours(1)));
        ex.removeCookie("old");
        ex.onComplete(() -> { });
        ServerContext srv = ex.server();
        int limit = srv.setting(LIMIT);
        srv.shutdown();
        srv.shutdownServer();
        srv.restart();
        ex.status(201).header("X", "y").json(Map.of("ok", true));
        throw HttpError.of("404 Not Found");
    }

    @Test
    void settingsHaveDefaultsAndCompareByName() {
        assertThat(LIMIT.defaultValue()).isEqualTo(3);
        assertThat(Setting.of("test.limit", Integer.class, 9)).isEqualTo(LIMIT);
        assertThat(ServerBuilder.create().build().setting(LIMIT)).isEqualTo(3);
        assertThat(ServerBuilder.create().set(LIMIT, 8).build().setting(LIMIT)).isEqualTo(8);
    }
}
