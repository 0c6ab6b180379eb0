package io.skitai.was.internal;

import io.skitai.core.Alias;
import io.skitai.core.Key;
import io.skitai.core.ServerContext;
import io.skitai.core.UpstreamClient;
import io.skitai.was.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The upstream machinery of one server, made on its first upstream call:
 * the result cache, one balancer per alias and the calls made and failed per upstream, shown as
 * the {@value #STATUS_SECTION} section of the server status ({@code was.status()}). HTTP and
 * XML-RPC calls go through the server's {@link UpstreamClient} (Undertow's client on the server's
 * IO threads: bounded keep-alive pools per member, HTTP/2 over TLS by ALPN, the upstream trust,
 * idle connections closed after {@code setBackendKeepAlive}), and through the cache file system
 * when it is on ({@code enableCachefs}).
 */
public final class Upstreams {

    /** The key of the server's instance. */
    public static final Key<Upstreams> KEY = Key.of("was.upstreams", Upstreams.class);

    private final ServerContext server;
    private final UpstreamClient http;
    private final ResultCache cache;
    private final Map<String, Balancer> balancers = new ConcurrentHashMap<>();
    /** Routes by URL: an alias URL is parsed into member URIs once, not per call (at most {@value #ROUTES} kept). */
    private final com.github.benmanes.caffeine.cache.Cache<String, Route> routes =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(ROUTES).build();
    private static final int ROUTES = 10_000;
    private final CallStats stats = new CallStats();
    /** The call and cache metrics, when the server records metrics. */
    private final UpstreamMetrics metrics;

    /** The name of the server status section this adds ({@code was.status()}). */
    public static final String STATUS_SECTION = "upstreams";

    private Upstreams(ServerContext server) {
        this.server = server;
        // With the cache file system on, HTTP calls go through it (GETs answered, kept, revalidated).
        this.http = server.cachefs().map(c -> c.client(server.upstreamClient())).orElseGet(server::upstreamClient);
        this.cache = ResultCache.of(server.setting(io.skitai.was.WasSettings.MAX_RCACHE));
        io.skitai.core.Metrics m = server.setting(io.skitai.core.Metrics.SETTING);
        this.metrics = m.enabled() ? new UpstreamMetrics(m.registry(), cache) : null;
        server.addStatusSection(STATUS_SECTION, this::status);
    }

    /** The instance of {@code server}, made on first use. */
    public static Upstreams of(ServerContext server) {
        return server.service(KEY, () -> new Upstreams(server));
    }

    ServerContext server() {
        return server;
    }

    UpstreamClient http() {
        return http;
    }

    private static final Key<SqlEngine> POSTGRES = Key.of("was.sql.postgresql", SqlEngine.class);
    private static final Key<SqlEngine> SQLITE = Key.of("was.sql.sqlite3", SqlEngine.class);

    /** The SQL engine of {@code db}, made on first use and closed when the server stops. */
    SqlEngine sql(io.skitai.core.Db db) {
        // The driver check runs when the engine is made, not per call (a class lookup each time).
        return switch (db) {
            case POSTGRESQL -> server.service(POSTGRES, () -> Drivers.postgres(
                    server.setting(io.skitai.was.WasSettings.POSTGRESQL_DRIVER),
                    server.setting(io.skitai.was.WasSettings.MAX_DB_CONNECTIONS), server.backendKeepAlive(),
                    PoolWatcher.of(server, "postgresql")));
            case SQLITE3 -> server.service(SQLITE, () -> {
                Drivers.require(db);
                return Drivers.sqlite(PoolWatcher.of(server, "sqlite"));
            });
            default -> throw new IllegalArgumentException(db + " is not a SQL database");
        };
    }

    private static final Key<java.net.http.HttpClient> WEBSOCKETS = Key.of("was.websockets", java.net.http.HttpClient.class);

    /**
     * The JDK client of {@code was.ws} calls (its own selector thread), trusting what the other
     * upstream calls trust; made on first use and closed when the server stops.
     */
    java.net.http.HttpClient websockets() {
        return server.service(WEBSOCKETS, () -> {
            java.net.http.HttpClient.Builder b = java.net.http.HttpClient.newBuilder()
                    .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
                    .connectTimeout(java.time.Duration.ofSeconds(10));
            server.upstreamSslContext().ifPresent(b::sslContext); // setUpstreamTrust's CAs for wss://
            return b.build();
        });
    }

    private static final Key<RedisEngine> REDIS = Key.of("was.redis", RedisEngine.class);

    /** The Redis engine, made on first use and closed when the server stops. */
    RedisEngine redis() {
        return server.service(REDIS, () -> {
            Drivers.require(io.skitai.core.Db.REDIS);
            return Drivers.redis();
        });
    }

    private static final Key<MongoEngine> MONGO = Key.of("was.mongodb", MongoEngine.class);

    /** The MongoDB engine, made on first use and closed when the server stops. */
    MongoEngine mongo() {
        return server.service(MONGO, () -> {
            Drivers.require(io.skitai.core.Db.MONGODB);
            return Drivers.mongo(PoolWatcher.of(server, "mongodb"));
        });
    }

    /** The route of {@code url}: its alias members (or the URL itself) as endpoints. */
    Route route(String url) {
        Route known = routes.getIfPresent(url);
        if (known != null) {
            return known;
        }
        Route made = Route.resolve(url, server);
        routes.put(url, made);
        return made;
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
        CompletableFuture<Result> tracked = stats.track(key, answer);
        if (metrics != null) {
            long start = System.nanoTime();
            String alias = route.alias().map(io.skitai.core.Alias::name).orElse("-");
            String member = e.member().map(Upstreams::hostPort).orElse(e.uri().getHost() + ":" + e.uri().getPort());
            tracked.whenComplete((r, t) -> {
                if (r != null) {
                    metrics.record(alias, member, r, System.nanoTime() - start);
                }
            });
        }
        return tracked;
    }

    /**
     * The status section: every alias with its members (server, weight, calls made, calls failed,
     * failures since the last good answer and health: {@code idle}, {@code ok} or {@code failing}),
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
                member.put("consecutiveFailures", c.consecutiveFailures());
                member.put("health", c.health());
                members.add(member);
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", alias.name());
            a.put("proto", alias.type().name());
            a.put("members", members);
            aliases.add(a);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("aliases", aliases);
        out.put("urls", stats.withPrefix(CallStats.URL_PREFIX));
        out.put("cache", cache.stats());
        return out;
    }

    /** How the status names a member: {@code host:port}, or the file of a SQLite member. */
    private static String hostPort(Alias.Member m) {
        if (m.port() == 0) {
            return m.path();
        }
        return (m.host().contains(":") ? "[" + m.host() + "]" : m.host()) + ":" + m.port();
    }

    private static final Balancer SINGLE = new Balancer(java.util.List.of(1));

    @Override
    public String toString() {
        return "Upstreams(" + server.aliases().keySet() + ", cache " + cache.size() + ")";
    }
}
