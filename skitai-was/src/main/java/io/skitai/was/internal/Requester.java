package io.skitai.was.internal;

import io.skitai.was.Call;
import io.skitai.was.GrpcStub;
import io.skitai.was.MapCall;
import io.skitai.was.Requests;
import io.skitai.was.Result;
import io.skitai.was.Rpc;
import io.skitai.was.Mongo;
import io.skitai.was.Redis;
import io.skitai.was.Sql;
import io.skitai.was.TxBody;
import io.skitai.core.Alias;
import io.skitai.core.Db;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link Requests} and {@link Caller} of one request: {@link #lb()} calls one member with
 * fail-over (also what a plain call to an alias does; only idempotent calls are replayed, see
 * {@link Failover}), {@link #map()} calls every member. The result cache is consulted and filled
 * through a {@link CacheSlot}. Immutable; {@link #useCache} and {@link #idempotent()} return a copy.
 *
 * @param <C> {@link Call} or {@link MapCall}
 */
public final class Requester<C> implements Requests<C>, Caller<C> {

    /** Methods that may be applied twice (RFC 9110 9.2.2): lb fail-over may replay them. */
    private static final java.util.Set<String> IDEMPOTENT = java.util.Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

    private final CallContext context;
    private final boolean all;
    private final boolean useCache;
    private final Instant notBefore;
    private final boolean idempotent;

    private Requester(CallContext context, boolean all, boolean useCache, Instant notBefore, boolean idempotent) {
        this.context = context;
        this.all = all;
        this.useCache = useCache;
        this.notBefore = notBefore;
        this.idempotent = idempotent;
    }

    /** One member per call with fail-over (an absolute URL is its own one member). */
    public static Requester<Call> lb(CallContext context) {
        return new Requester<>(context, false, true, Instant.EPOCH, false);
    }

    /** Every member of an alias per call. */
    public static Requester<MapCall> map(CallContext context) {
        return new Requester<>(context, true, true, Instant.EPOCH, false);
    }

    @Override
    public Requests<C> useCache(boolean use) {
        return new Requester<>(context, all, use, notBefore, idempotent);
    }

    @Override
    public Requests<C> useCache(Instant lastUpdate) {
        return new Requester<>(context, all, true, lastUpdate, idempotent);
    }

    @Override
    public Requests<C> idempotent() {
        return new Requester<>(context, all, useCache, notBefore, true);
    }

    @Override
    public C call(String url, CacheKey cacheKey, Transport transport) {
        return fire(url, cacheKey, transport, idempotent);
    }

    @SuppressWarnings("unchecked")
    private C fire(String url, CacheKey cacheKey, Transport transport, boolean replayable) {
        return fire(context.upstreams().route(url), cacheKey, transport, replayable);
    }

    @SuppressWarnings("unchecked")
    private C fire(Route route, CacheKey cacheKey, Transport transport, boolean replayable) {
        return (C) (all ? fireAll(route, cacheKey, transport) : fireOne(route, cacheKey, transport, replayable));
    }

    // ---- HTTP ----------------------------------------------------------------------------

    @Override
    public C get(String url, Map<String, String> headers) {
        return http("GET", url, null, headers);
    }

    @Override
    public C delete(String url, Map<String, String> headers) {
        return http("DELETE", url, null, headers);
    }

    @Override
    public C options(String url, Map<String, String> headers) {
        return http("OPTIONS", url, null, headers);
    }

    @Override
    public C post(String url, Object data, Map<String, String> headers) {
        return http("POST", url, data, headers);
    }

    @Override
    public C put(String url, Object data, Map<String, String> headers) {
        return http("PUT", url, data, headers);
    }

    @Override
    public C patch(String url, Object data, Map<String, String> headers) {
        return http("PATCH", url, data, headers);
    }

    @Override
    public C upload(String url, Map<String, ?> fields, Map<String, String> headers) {
        Bodies.Multipart multipart = Bodies.multipart(fields);
        Map<String, String> all = headers(headers);
        all.put("Content-Type", multipart.contentType());
        return send("POST", url, multipart.body(), all, HttpTransport.byContentType(json()), idempotent);
    }

    @Override
    public Sql<C> backend(String alias) {
        return sql(alias, null);
    }

    @Override
    public Sql<C> postgresql(String alias) {
        return sql(alias, Db.POSTGRESQL);
    }

    @Override
    public Sql<C> postgresql(String server, String database) {
        // Python's was.postgresql("host:port", "db"): a one-member route made for the call, no alias.
        Alias adHoc = Alias.of("@postgresql", Db.POSTGRESQL, server + "/" + database);
        Route route = Route.database(adHoc);
        SqlEngine engine = context.upstreams().sql(Db.POSTGRESQL);
        return (statement, params) -> {
            Object[] values = params == null ? new Object[0] : params.clone();
            return fire(route, CacheKey.of(sqlKey(statement, values)), Transport.withoutTxIds(engine.transport(statement, values)), false);
        };
    }

    @Override
    public Sql<C> sqlite3(String alias) {
        return sql(alias, Db.SQLITE3);
    }

    /** Statements to a SQL alias ({@code wanted}: the type it must have, or null for any SQL one). */
    private Sql<C> sql(String alias, Db wanted) {
        String name = alias.startsWith("@") ? alias : "@" + alias;
        SqlEngine engine = sqlEngine(name, wanted);
        return (statement, params) -> {
            Object[] values = params == null ? new Object[0] : params.clone();
            CacheKey key = CacheKey.of(sqlKey(statement, values));
            // Never replayed on another member once sent: only a connection that was never made moves on.
            return fire(name, key, Transport.withoutTxIds(engine.transport(statement, values)), false);
        };
    }

    @Override
    public Redis<C> redis(String alias) {
        String name = dbAlias(alias, Db.REDIS);
        RedisEngine engine = context.upstreams().redis();
        return (command, args) -> {
            Object[] values = args == null ? new Object[0] : args.clone();
            return fire(name, CacheKey.of(sqlKey("REDIS " + command, values)), Transport.withoutTxIds(engine.transport(command, values)), false);
        };
    }

    @Override
    public Mongo<C> mongodb(String alias) {
        String name = dbAlias(alias, Db.MONGODB);
        return new MongoOps<>(context.upstreams().mongo(), (key, transport) -> fire(name, key, transport, false));
    }

    private Alias definedAlias(String name) {
        return context.upstreams().server().alias(name).orElseThrow(() ->
                new IllegalArgumentException(Messages.unknownAlias(name, context.upstreams().server().aliases().keySet())));
    }

    /** The {@code @name} of {@code alias}, which must be a {@code type} database alias. */
    private String dbAlias(String alias, Db type) {
        String name = alias.startsWith("@") ? alias : "@" + alias;
        Alias a = definedAlias(name);
        if (a.db().filter(d -> d == type).isEmpty()) {
            throw new IllegalArgumentException(Messages.wrongDb(name, a.type().name(), type.name()));
        }
        return name;
    }

    private SqlEngine sqlEngine(String name, Db wanted) {
        Alias a = definedAlias(name);
        Db db = a.db().filter(d -> d == Db.POSTGRESQL || d == Db.SQLITE3)
                .orElseThrow(() -> new IllegalArgumentException(Messages.notSqlAlias(name, a.type().name())));
        if (wanted != null && db != wanted) {
            throw new IllegalArgumentException(Messages.wrongDb(name, db.name(), wanted.name()));
        }
        return context.upstreams().sql(db);
    }

    /**
     * Runs {@code body} in a transaction on one member of SQL alias {@code alias} (the one lb
     * picks): commits when it returns, rolls back when it throws, and rethrows.
     */
    public <T> T transaction(String alias, TxBody<T> body) throws Exception {
        String name = alias.startsWith("@") ? alias : "@" + alias;
        SqlEngine engine = sqlEngine(name, null);
        Route route = context.upstreams().route(name);
        Endpoint member = route.endpoints().get(context.upstreams().balancer(route).order().get(0));
        SqlSession session = engine.begin(member.target(Map.of()));
        try {
            T value = body.run((statement, params) -> SingleCall.of(
                    session.execute(statement, params == null ? new Object[0] : params.clone()), null));
            session.commit();
            return value;
        } catch (Exception | Error failure) {
            session.rollback();
            throw failure;
        } finally {
            session.close();
        }
    }

    /** The statement and each value with its type: 1 and "1" are different calls. */
    private static String sqlKey(String statement, Object[] values) {
        StringBuilder key = new StringBuilder(statement.length() + 16 * values.length + 4).append("SQL ").append(statement);
        for (Object v : values) {
            key.append(" | ");
            if (v == null) {
                key.append("null");
            } else {
                key.append(v.getClass().getSimpleName()).append('=');
                key.append(v instanceof Object[] || v.getClass().isArray() ? java.util.Arrays.deepToString(new Object[] {v}) : v);
            }
        }
        return key.toString();
    }

    @Override
    public Rpc<C> rpc(String url) {
        return (method, args) -> {
            byte[] body = XmlRpcWriter.call(method, args);
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.put("Content-Type", "text/xml");
            headers.put("Accept", "text/xml");
            return send("POST", url, body, headers, XmlRpcTransport::parse, idempotent);
        };
    }

    /** A websocket to {@code url}, opened now (see {@link io.skitai.was.WsSession}); single calls only. */
    @SuppressWarnings("unchecked")
    public io.skitai.was.WsSession ws(String url) {
        if (all) {
            throw new IllegalStateException("was.map() has no websockets: open one per member with was.ws(..)");
        }
        return WsUpstream.open((Caller<Call>) this, context.upstreams().websockets(), json(), url);
    }

    @Override
    public GrpcStub<C> grpc(String url) {
        GrpcRequired.require("was.grpc");
        return GrpcEndpoint.of(this, GrpcClients.of(context.upstreams().server()), url);
    }

    private C http(String method, String url, Object data, Map<String, String> headers) {
        Map<String, String> all = headers(headers);
        byte[] body = Bodies.encode(data, all.get("Content-Type"), json());
        return send(method, url, body, all, HttpTransport.byContentType(json()), idempotent || IDEMPOTENT.contains(method));
    }

    private com.fasterxml.jackson.databind.ObjectMapper json() {
        return context.upstreams().server().json();
    }

    private Map<String, String> headers(Map<String, String> given) {
        Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.put("Content-Type", context.type().contentType());
        all.put("Accept", context.type().accept());
        if (given != null) {
            all.putAll(given);
        }
        return all;
    }

    private C send(String method, String url, byte[] body, Map<String, String> headers, HttpTransport.Parser parser,
            boolean replayable) {
        String request = method + " " + (body.length == 0 ? "-" : CacheKey.digest(body)) + " " + headers.get("Accept");
        return fire(url, new CacheKey(request, headers),
                HttpTransport.of(context.upstreams().http(), method, body, headers, parser), replayable);
    }

    // ---- modes ---------------------------------------------------------------------------

    private Call fireOne(Route route, CacheKey cacheKey, Transport transport, boolean replayable) {
        CacheSlot slot = slot(cacheKey, route.url());
        java.util.Optional<Outcome> hit = cached(slot);
        if (hit.isPresent()) {
            return SingleCall.done(hit.get(), slot);
        }
        List<Endpoint> order = new ArrayList<>();
        for (int i : context.upstreams().balancer(route).order()) {
            order.add(route.endpoints().get(i));
        }
        Map<String, String> tx = transport.carriesTxIds() ? context.nextTxHeaders() : Map.of();
        CompletableFuture<Result> answer = Failover.send(order, replayable,
                e -> context.upstreams().track(route, e, transport.send(e.target(tx))));
        return SingleCall.of(honourHttpCaching(answer, slot), slot);
    }

    private MapCall fireAll(Route route, CacheKey cacheKey, Transport transport) {
        List<SingleCall> calls = new ArrayList<>();
        for (Endpoint e : route.endpoints()) {
            CacheSlot slot = slot(cacheKey, e.uri().toString());
            java.util.Optional<Outcome> hit = cached(slot);
            if (hit.isPresent()) {
                calls.add(SingleCall.done(hit.get(), slot));
                continue;
            }
            CompletableFuture<Result> answer;
            try {
                answer = context.upstreams().track(route, e, transport.send(e.target(transport.carriesTxIds() ? context.nextTxHeaders() : Map.of())));
            } catch (RuntimeException failure) {
                answer = CompletableFuture.completedFuture(Outcomes.failure(failure));
            }
            calls.add(SingleCall.of(honourHttpCaching(answer, slot), slot));
        }
        return MultiCall.of(calls);
    }

    // ---- cache ---------------------------------------------------------------------------

    private CacheSlot slot(CacheKey cacheKey, String target) {
        ResultCache cache = context.upstreams().cache();
        return cacheKey == null || !cache.enabled() ? null : new CacheSlot(cache, cacheKey, target);
    }

    private java.util.Optional<Outcome> cached(CacheSlot slot) {
        if (slot == null || !useCache) {
            return java.util.Optional.empty();
        }
        return slot.lookup(notBefore);
    }

    /** An answer that says it may be kept (Cache-Control, Expires) is kept that long, as its slot allows. */
    private static CompletableFuture<Result> honourHttpCaching(CompletableFuture<Result> answer, CacheSlot slot) {
        if (slot != null) {
            answer.thenAccept(r -> {
                if (r instanceof Outcome o) {
                    slot.putByHeaders(o);
                }
            });
        }
        return answer;
    }

    @Override
    public String toString() {
        return "Requests(" + (all ? "map" : "lb") + ", " + (useCache ? "cache" : "no cache")
                + (idempotent ? ", idempotent" : "") + ")";
    }
}
