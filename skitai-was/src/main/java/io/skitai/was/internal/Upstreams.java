package io.skitai.was.internal;

import io.skitai.core.Alias;
import io.skitai.core.Key;
import io.skitai.core.ServerContext;
import io.skitai.was.Result;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The upstream machinery of one server, made on its first upstream call and closed when it stops:
 * the JDK HTTP client, the result cache, one balancer per alias and the calls made and failed per
 * upstream, shown as the {@value #STATUS_SECTION} section of the server status ({@code was.status()}).
 *
 * <p>The client: {@link HttpClient}, non-blocking, with its own pooled keep-alive connections per
 * host and port, HTTP/2 over TLS where the upstream offers it by ALPN (plain {@code http://} calls
 * stay HTTP/1.1: the client's cleartext upgrade would cost a round trip per new connection), and
 * the JDK's default trust store plus the certificates given to {@code setUpstreamTrust} (or only
 * those, {@code setUpstreamTrustOnly}); host names are verified. Its executor starts a virtual thread per task, so finishing
 * answers never takes a platform thread per call; the client itself runs one selector thread.
 *
 * <p>Keep-alive ({@code setBackendKeepAlive}): the JDK client takes the idle time of pooled
 * connections only from the system properties {@value #KEEP_ALIVE} and {@value #KEEP_ALIVE_H2},
 * read once per JVM when the first client is made. The first server to call out sets them from its
 * backend keep-alive unless the user set them ({@code -D}); a later server of the same JVM with a
 * different value gets a warning. The JDK counts an idle connection's time from the start of the
 * second it went idle (its deadline is truncated to whole seconds), so a property of N closes it
 * after N-1 to N seconds; Skitai sets N+1 so an idle connection is kept at least the backend
 * keep-alive (and at most one second more). The client closes expired connections when its
 * selector thread next wakes up (at least every 3 s), and the next call reconnects.
 */
public final class Upstreams implements AutoCloseable {

    /** The key of the server's instance. */
    public static final Key<Upstreams> KEY = Key.of("was.upstreams", Upstreams.class);

    static final String KEEP_ALIVE = "jdk.httpclient.keepalive.timeout";
    static final String KEEP_ALIVE_H2 = "jdk.httpclient.keepalive.timeout.h2";
    private static final System.Logger LOG = System.getLogger("io.skitai.was");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final ServerContext server;
    private final ExecutorService executor;
    private final HttpClient http;
    private final ResultCache cache;
    private final Map<String, Balancer> balancers = new ConcurrentHashMap<>();
    private final CallStats stats = new CallStats();

    /** The name of the server status section this adds ({@code was.status()}). */
    public static final String STATUS_SECTION = "upstreams";

    private Upstreams(ServerContext server) {
        this.server = server;
        applyKeepAlive(server.backendKeepAlive());
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("was-http-", 0).factory());
        HttpClient.Builder builder = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_2);
        server.upstreamSslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
        this.cache = ResultCache.of(server.setting(io.skitai.was.WasSettings.MAX_RCACHE));
        server.addStatusSection(STATUS_SECTION, this::status);
    }

    /** The instance of {@code server}, made on first use. */
    public static Upstreams of(ServerContext server) {
        return server.service(KEY, () -> new Upstreams(server));
    }

    private static synchronized void applyKeepAlive(Duration keepAlive) {
        String wanted = String.valueOf(Math.max(1, keepAlive.toSeconds()) + 1);
        String inForce = System.getProperty(KEEP_ALIVE);
        if (inForce == null) {
            System.setProperty(KEEP_ALIVE, wanted);
            if (System.getProperty(KEEP_ALIVE_H2) == null) {
                System.setProperty(KEEP_ALIVE_H2, wanted);
            }
        } else if (!inForce.equals(wanted)) {
            LOG.log(Level.WARNING, Messages.keepAliveFixed(keepAlive.toSeconds(), KEEP_ALIVE, inForce + " s"));
        }
    }

    ServerContext server() {
        return server;
    }

    HttpClient http() {
        return http;
    }

    ResultCache cache() {
        return cache;
    }

    /** The balancer of {@code route}'s alias (member weights fixed at start). */
    Balancer balancer(Route route) {
        if (route.endpoints().size() == 1) {
            return SINGLE;
        }
        return balancers.computeIfAbsent(route.alias().orElseThrow().name(),
                name -> new Balancer(route.endpoints().stream().map(Endpoint::weight).toList()));
    }

    /** Counts a call to endpoint {@code e} of {@code route} and its outcome. */
    CompletableFuture<Result> track(Route route, Endpoint e, CompletableFuture<Result> answer) {
        String key = route.alias().isPresent() && e.member().isPresent()
                ? CallStats.memberKey(route.alias().get().name(), hostPort(e.member().get()))
                : CallStats.URL_PREFIX + e.uri().getScheme() + "://" + e.uri().getHost() + ":" + e.uri().getPort();
        return stats.track(key, answer);
    }

    /**
     * The status section: every alias with its members (server, weight, calls made, calls failed),
     * calls to absolute URLs by scheme, host and port, and the result cache (capacity, size, hits,
     * misses).
     */
    Map<String, Object> status() {
        List<Map<String, Object>> aliases = new ArrayList<>();
        for (Alias alias : server.aliases().values()) {
            List<Map<String, Object>> members = new ArrayList<>();
            for (Alias.Member m : alias.members()) {
                CallStats.Counts c = stats.counts(CallStats.memberKey(alias.name(), hostPort(m)));
                Map<String, Object> member = new LinkedHashMap<>();
                member.put("server", hostPort(m));
                member.put("weight", m.weight());
                member.put("calls", c.calls());
                member.put("failed", c.failed());
                members.add(member);
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", alias.name());
            a.put("proto", alias.proto().name());
            a.put("members", members);
            aliases.add(a);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("aliases", aliases);
        out.put("urls", stats.withPrefix(CallStats.URL_PREFIX));
        out.put("cache", cache.stats());
        return out;
    }

    private static String hostPort(Alias.Member m) {
        return (m.host().contains(":") ? "[" + m.host() + "]" : m.host()) + ":" + m.port();
    }

    private static final Balancer SINGLE = new Balancer(java.util.List.of(1));

    @Override
    public void close() {
        http.shutdownNow();
        try {
            http.awaitTermination(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "Upstreams(" + server.aliases().keySet() + ", cache " + cache.size() + ")";
    }
}
