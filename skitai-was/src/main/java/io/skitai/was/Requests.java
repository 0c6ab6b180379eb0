package io.skitai.was;

import java.time.Instant;
import java.util.Map;

/**
 * Fires upstream calls: {@link Was} itself (one upstream), {@link Was#lb()} (one member of an
 * alias with fail-over) and {@link Was#map()} (every member). A URL is {@code "@alias/path?query"}
 * or an absolute {@code http(s)://} URL. Each call leaves at once and returns a handle ({@link Call}
 * or {@link MapCall}) to collect the answer with.
 *
 * <p>Bodies: the app's default request type is JSON ({@code Content-Type} and {@code Accept}
 * {@code application/json}; Atila's {@code config().put("defaultRequestType", ...)} changes it); a
 * {@code Content-Type} in {@code headers} wins. The data is sent by that type: JSON-encoded,
 * form-encoded ({@code application/x-www-form-urlencoded} and a {@code Map}), or as is when it is a
 * {@code String} or {@code byte[]}.
 *
 * <p>Every call carries this request's transaction ids ({@code X-Gtxid}, {@code X-Ltxid}).
 *
 * @param <C> the handle each call returns
 */
public interface Requests<C> {

    /** GET. */
    C get(String url, Map<String, String> headers);

    /** DELETE. */
    C delete(String url, Map<String, String> headers);

    /** OPTIONS. */
    C options(String url, Map<String, String> headers);

    /** POST with {@code data} as the body (see the class comment). */
    C post(String url, Object data, Map<String, String> headers);

    /** PUT. */
    C put(String url, Object data, Map<String, String> headers);

    /** PATCH. */
    C patch(String url, Object data, Map<String, String> headers);

    /**
     * POST as {@code multipart/form-data}: a {@code String} value is a text field; a {@link Part},
     * a {@code java.nio.file.Path} or a {@code byte[]} value is a file.
     */
    C upload(String url, Map<String, ?> fields, Map<String, String> headers);

    /**
     * A database alias, by its type: SQL to {@code Db.POSTGRESQL} and {@code Db.SQLITE3} aliases
     * (see {@link Sql}), so an app written against SQLite runs on PostgreSQL by changing the alias.
     *
     * @throws IllegalArgumentException for an unknown alias or one that is not a SQL database
     * @throws IllegalStateException    when the engine's driver is not on the class path (the message names it)
     */
    Sql<C> backend(String alias);

    /** {@link #backend(String)} for an alias that must be {@code Db.POSTGRESQL}. */
    Sql<C> postgresql(String alias);

    /**
     * Statements to one PostgreSQL server without an alias (Python's
     * {@code was.postgresql("127.0.0.1:5432", "mydb")}): {@code server} is
     * {@code [user:password@]host[:port]}.
     */
    Sql<C> postgresql(String server, String database);

    /** {@link #backend(String)} for an alias that must be {@code Db.SQLITE3}. */
    Sql<C> sqlite3(String alias);

    /**
     * A {@code Db.REDIS} alias: {@code was.redis("@cache").execute("GET", "k")} (see {@link Redis}).
     *
     * @throws IllegalArgumentException for an unknown alias or one that is not Redis
     * @throws IllegalStateException    when io.lettuce:lettuce-core is not on the class path
     */
    Redis<C> redis(String alias);

    /**
     * A {@code Db.MONGODB} alias: {@code was.mongodb("@users").findOne("users", Map.of("name", "alice"))}
     * (see {@link Mongo}); the member's path names the database.
     *
     * @throws IllegalArgumentException for an unknown alias or one that is not MongoDB
     * @throws IllegalStateException    when org.mongodb:mongodb-driver-reactivestreams is not on the class path
     */
    Mongo<C> mongodb(String alias);

    /** An XML-RPC endpoint: {@code was.rpc("@search/rpc2").call("search", "mozart")}. */
    Rpc<C> rpc(String url);

    /**
     * A gRPC service: {@code was.grpc("@greeter/helloworld.Greeter").call("SayHello", request)}
     * (see {@link GrpcStub}); the alias's members are {@code Proto.HTTP} (plain HTTP/2) or
     * {@code Proto.HTTPS} (TLS) gRPC servers.
     *
     * @throws IllegalStateException when gRPC is not on the class path (the message names the
     *                               dependencies to add)
     */
    GrpcStub<C> grpc(String url);

    /**
     * Whether calls made through the returned requester may be answered from the result cache
     * (default {@code true}); {@code false} always reaches the upstream.
     */
    Requests<C> useCache(boolean use);

    /**
     * Use the cache only for results cached after {@code lastUpdate} (Python's
     * {@code use_cache = was.getlu(..)}): a cached result older than the data it came from is
     * dropped and the upstream called again.
     */
    Requests<C> useCache(Instant lastUpdate);

    /**
     * Marks the calls made through the returned requester idempotent (safe to apply twice), so
     * {@code lb()} fail-over may replay them on the next member after a 5xx or a broken
     * connection. GET, HEAD, OPTIONS, PUT and DELETE are idempotent anyway; POST, PATCH, uploads,
     * XML-RPC and gRPC calls are not unless marked: they move to the next member only when they
     * provably never left (connection refused, connect timeout, unknown host, TLS refused), and
     * otherwise the failure is their result. Mark them when the upstream method only reads, or is
     * known to be idempotent: {@code was.lb().idempotent().rpc("@search/rpc2").call("search", "mozart")}.
     */
    Requests<C> idempotent();

    /** {@link #useCache(Instant)} with milliseconds since the epoch. */
    default Requests<C> useCache(long lastUpdateMillis) {
        return useCache(Instant.ofEpochMilli(lastUpdateMillis));
    }

    // ---- conveniences --------------------------------------------------------------------

    /** GET without extra headers. */
    default C get(String url) {
        return get(url, Map.of());
    }

    /** DELETE without extra headers. */
    default C delete(String url) {
        return delete(url, Map.of());
    }

    /** OPTIONS without extra headers. */
    default C options(String url) {
        return options(url, Map.of());
    }

    /** POST without extra headers. */
    default C post(String url, Object data) {
        return post(url, data, Map.of());
    }

    /** PUT without extra headers. */
    default C put(String url, Object data) {
        return put(url, data, Map.of());
    }

    /** PATCH without extra headers. */
    default C patch(String url, Object data) {
        return patch(url, data, Map.of());
    }

    /** A multipart upload without extra headers. */
    default C upload(String url, Map<String, ?> fields) {
        return upload(url, fields, Map.of());
    }
}
