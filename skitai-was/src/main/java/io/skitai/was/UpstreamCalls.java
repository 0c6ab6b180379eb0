package io.skitai.was;

import io.skitai.was.internal.CallContext;
import io.skitai.was.internal.Requester;
import java.time.Instant;
import java.util.Map;

/**
 * The upstream calls of a {@link Was} ({@link Requests}): HTTP, XML-RPC and gRPC to aliases or
 * URLs, {@link #lb()} and {@link #map()}, the result cache and idempotent calls, each carrying the
 * request's transaction ids. Kept apart from the request context it belongs to; only {@link Was}
 * extends it.
 */
public abstract sealed class UpstreamCalls implements Requests<Call> permits WebTools {

    private volatile Requester<Call> calls;

    UpstreamCalls() {}

    /**
     * A websocket to {@code url} ({@code "@alias/path"} of a {@code Proto.WS}/{@code WSS} alias, or
     * a {@code ws://}/{@code wss://} URL), opened now without blocking; see {@link WsSession}.
     * Connect failures move on to the alias's next member, as for HTTP.
     */
    public WsSession ws(String url) {
        return requests().ws(url);
    }

    /** {@link #ws(String)}: the scheme follows the alias or URL (Python's {@code was.wss}). */
    public WsSession wss(String url) {
        return requests().ws(url);
    }

    /**
     * Python's one-shot {@code was.ws(url, message)}: opens, sends {@code message}, and returns the
     * first message back as a call; the websocket closes once that call completes.
     */
    public Call ws(String url, Object message) {
        WsSession session = requests().ws(url);
        Call reply;
        try {
            reply = session.send(message).receive();
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        reply.future().whenComplete((r, e) -> session.close());
        return reply;
    }

    /** GET {@code url} ({@code "@alias/path"} or absolute); see {@link Requests}. */
    @Override
    public Call get(String url, Map<String, String> headers) {
        return requests().get(url, headers);
    }

    /** DELETE; see {@link Requests}. */
    @Override
    public Call delete(String url, Map<String, String> headers) {
        return requests().delete(url, headers);
    }

    /** OPTIONS; see {@link Requests}. */
    @Override
    public Call options(String url, Map<String, String> headers) {
        return requests().options(url, headers);
    }

    /** POST {@code data} (JSON unless the request type or headers say otherwise); see {@link Requests}. */
    @Override
    public Call post(String url, Object data, Map<String, String> headers) {
        return requests().post(url, data, headers);
    }

    /** PUT; see {@link Requests}. */
    @Override
    public Call put(String url, Object data, Map<String, String> headers) {
        return requests().put(url, data, headers);
    }

    /** PATCH; see {@link Requests}. */
    @Override
    public Call patch(String url, Object data, Map<String, String> headers) {
        return requests().patch(url, data, headers);
    }

    /** A multipart/form-data POST; see {@link Requests#upload}. */
    @Override
    public Call upload(String url, Map<String, ?> fields, Map<String, String> headers) {
        return requests().upload(url, fields, headers);
    }

    /** An XML-RPC endpoint: {@code was.rpc("@search/rpc2").call("search", "mozart")}. */
    @Override
    public Rpc<Call> rpc(String url) {
        return requests().rpc(url);
    }

    @Override
    public Sql<Call> backend(String alias) {
        return requests().backend(alias);
    }

    /**
     * Runs {@code body} as one database transaction on a member of SQL alias {@code alias}: its
     * statements share one connection; returning commits, throwing rolls back (and the exception
     * goes on).
     *
     * <pre>{@code
     * long id = was.transaction("@db", tx -> {
     *     tx.execute("UPDATE accounts SET balance = balance - ? WHERE id = ?", 10, 1).dispatchOrThrow();
     *     tx.execute("UPDATE accounts SET balance = balance + ? WHERE id = ?", 10, 2).dispatchOrThrow();
     *     return 2L;
     * });
     * }</pre>
     */
    public <T> T transaction(String alias, TxBody<T> body) throws Exception {
        return requests().transaction(alias, body);
    }

    @Override
    public Mongo<Call> mongodb(String alias) {
        return requests().mongodb(alias);
    }

    @Override
    public Redis<Call> redis(String alias) {
        return requests().redis(alias);
    }

    @Override
    public Sql<Call> postgresql(String alias) {
        return requests().postgresql(alias);
    }

    @Override
    public Sql<Call> postgresql(String server, String database) {
        return requests().postgresql(server, database);
    }

    @Override
    public Sql<Call> sqlite3(String alias) {
        return requests().sqlite3(alias);
    }

    /** Calls that may ({@code true}, the default) or may not be answered from the result cache. */
    @Override
    public Requests<Call> useCache(boolean use) {
        return requests().useCache(use);
    }

    /** Calls answered from the result cache only by results cached after {@code lastUpdate}. */
    @Override
    public Requests<Call> useCache(Instant lastUpdate) {
        return requests().useCache(lastUpdate);
    }

    /** Calls marked idempotent: lb fail-over may replay them (see {@link Requests#idempotent()}). */
    @Override
    public Requests<Call> idempotent() {
        return requests().idempotent();
    }

    /**
     * Load-balanced calls (Python's {@code was.get.lb}): each goes to one member of the alias,
     * chosen by smooth weighted round robin. A call that never left (connection refused) goes to
     * the next member; after a 5xx or a broken connection only an idempotent one does (GET, HEAD,
     * OPTIONS, PUT, DELETE, or calls through {@link Requests#idempotent()}).
     */
    public Requests<Call> lb() {
        return requests();
    }

    /** Calls to every member of an alias (Python's {@code was.get.map}); results in member order. */
    public Requests<MapCall> map() {
        return Requester.map(context());
    }

    /** This request's calls through {@code lb()}: made on first use, then kept. */
    Requester<Call> requests() {
        Requester<Call> r = calls;
        if (r == null) {
            r = Requester.lb(context());
            calls = r;
        }
        return r;
    }

    /** What this request's calls share: the server's upstreams, its transaction ids, its request type. */
    abstract CallContext context();

    // ---- gRPC ---------------------------------------------------------------------------

    /**
     * A gRPC service upstream (Python's {@code stub = was.grpc(url)}):
     * {@code was.grpc("@greeter/helloworld.Greeter").call("SayHello", request)} fires the call and
     * returns its {@link Call}; see {@link GrpcStub}. {@code lb().grpc(..)} and {@code map().grpc(..)}
     * work as for HTTP. Channels are pooled per upstream and closed when the server stops.
     *
     * @throws IllegalStateException when gRPC is not on the class path (the message names the
     *                               dependencies to add)
     */
    @Override
    public GrpcStub<Call> grpc(String url) {
        return requests().grpc(url);
    }
}
