package io.skitai.was;

import io.skitai.core.Exchange;
import io.skitai.core.Key;
import io.skitai.core.TxId;
import io.skitai.was.internal.CallContext;
import io.skitai.was.internal.Messages;
import io.skitai.was.internal.SmtpdaRequired;
import io.skitai.was.internal.Upstreams;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-request context, a thin facade over the request's {@link Exchange}. Atila route methods
 * receive it as a parameter; any code running for the request (plain handlers, templates) reaches
 * it with {@link #current()}.
 *
 * <p>Upstream calls ({@link UpstreamCalls}): {@code was.get("@members/users/1")} fires a request now and
 * returns a {@link Call}; {@code dispatch(timeout)} collects the {@link Result}. Several calls fired
 * before the first dispatch run in parallel. {@link #lb()} names load balancing explicitly (what a
 * call to an alias does anyway), {@link #map()} calls every member of an alias, {@link #useCache}
 * controls the result cache and {@link #rpc(String)} calls XML-RPC. Every call carries this
 * request's transaction ids ({@link #gtxid()}, {@link #ltxid()}).
 *
 * <pre>{@code
 * Call user = was.get("@members/users/1");
 * Call hits = was.rpc("@search/rpc2").call("search", "mozart");
 * return Map.of("user", user.dispatch(5).data(), "hits", hits.dataOrThrow(5));
 * }</pre>
 */
public final class Was extends WebTools {

    private static final Key<Was> KEY = Key.of("was", Was.class);

    private static final java.util.concurrent.atomic.AtomicLong TASKS = new java.util.concurrent.atomic.AtomicLong();

    private final Exchange exchange;
    private final io.skitai.core.ServerContext server;
    private final TxId txid;
    private final String basepath;
    private final RouteUrls urls;
    private final Templates templates;
    private final AppEvents events;
    private final RequestType requestType;
    private Map<String, Object> g;

    private Was(Exchange exchange, io.skitai.core.ServerContext server, TxId txid, String basepath, RouteUrls urls,
            Templates templates, AppEvents events, RequestType requestType) {
        this.exchange = exchange;
        this.server = server;
        this.txid = txid;
        this.basepath = basepath;
        this.urls = urls;
        this.templates = templates;
        this.events = events;
        this.requestType = requestType;
    }

    /**
     * The context of one request whose app builds route URLs with {@code urls}, renders
     * {@code templates}, raises events on {@code events} and calls upstreams with
     * {@code requestType} as its default Content-Type and Accept.
     */
    public static Was of(Exchange exchange, RouteUrls urls, Templates templates, AppEvents events,
            RequestType requestType) {
        if (exchange == null || urls == null || templates == null || events == null || requestType == null) {
            throw new IllegalArgumentException("Was.of needs an exchange, route URLs, templates, events and a request type");
        }
        Was was = new Was(exchange, exchange.server(), exchange.txid(), exchange.mountPoint(), urls, templates, events,
                requestType);
        exchange.put(KEY, was);
        return was;
    }

    /**
     * A context serving no request, for work an app does on its own (its {@code @Maintain} tasks):
     * upstream calls (under a fresh transaction id), shared state, locks, status, events, route URLs
     * and templates work; {@link #request()} and {@link #response()} throw.
     *
     * @param server    the server the app is mounted on ({@code MountInfo.server()})
     * @param mountPoint the app's mount point ({@link #basepath()})
     */
    public static Was withoutRequest(io.skitai.core.ServerContext server, String mountPoint, RouteUrls urls,
            Templates templates, AppEvents events, RequestType requestType) {
        if (server == null || mountPoint == null || urls == null || templates == null || events == null
                || requestType == null) {
            throw new IllegalArgumentException("Was.withoutRequest needs a server, a mount point, route URLs,"
                    + " templates, events and a request type");
        }
        TxId txid = TxId.root("GTID-T" + ProcessHandle.current().pid() + "-R" + TASKS.incrementAndGet());
        return new Was(null, server, txid, mountPoint, urls, templates, events, requestType);
    }

    /** The context of one request whose app does not name its routes. */
    public static Was of(Exchange exchange) {
        return of(exchange, RouteUrls.none(), Templates.none(), AppEvents.none(), RequestType.JSON);
    }

    /**
     * The context of the request being handled on this thread: the one an Atila app made, or for
     * a plain {@code Handler} one made on first use and kept with the exchange (so {@link #g()}
     * lasts the whole request).
     *
     * @throws IllegalStateException outside a request (e.g. at startup or on a thread of your own)
     */
    public static Was current() {
        Exchange exchange = Exchange.current().orElseThrow(() -> new IllegalStateException(Messages.noRequest()));
        return exchange.get(KEY).orElseGet(() -> of(exchange));
    }

    /**
     * The request and its response.
     *
     * @throws IllegalStateException for a context serving no request ({@link #withoutRequest})
     */
    public Exchange request() {
        if (exchange == null) {
            throw new IllegalStateException(Messages.noRequestForTask());
        }
        return exchange;
    }

    /** Whether this context serves a request (false for {@link #withoutRequest}). */
    public boolean hasRequest() {
        return exchange != null;
    }

    /**
     * The response of this request (Python's {@code was.response}): status, headers and
     * {@code throwError("404 Not Found")}.
     */
    public WasResponse response() {
        return new WasResponse(request());
    }

    /** Scratch space for this request only (Python's {@code was.g}); created on first use. */
    public Map<String, Object> g() {
        if (g == null) {
            g = new HashMap<>();
        }
        return g;
    }

    /** The mount point of the app serving this request, without a trailing slash ({@code ""} at the root). */
    public String basepath() {
        return basepath;
    }

    /**
     * The URL of a named route of the app serving this request (Python's {@code was.ab}), mount
     * point included: {@code was.urlFor("pet", 7)} gives {@code "/v1/pets/7"} when mounted at {@code /v1}.
     */
    public String urlFor(String routeName, Object... args) {
        return basepath() + urls.urlFor(routeName, args);
    }

    /** {@link #urlFor(String, Object...)} for a route without variables; fixed arity for templates (Pebble has no varargs). */
    public String urlFor(String routeName) {
        return urlFor(routeName, new Object[0]);
    }

    /**
     * {@link #urlFor(String, Object...)} with one argument, e.g. {@code {{ was.urlFor("Pets.get", 7) }}}
     * in a template; an {@code Object[]} argument is taken as the argument list.
     */
    public String urlFor(String routeName, Object arg) {
        return urlFor(routeName, arg instanceof Object[] array ? array : new Object[] {arg});
    }

    /** {@link #urlFor(String, Object...)} with two arguments, for templates. */
    public String urlFor(String routeName, Object arg1, Object arg2) {
        return urlFor(routeName, new Object[] {arg1, arg2});
    }

    /**
     * Renders template {@code name} of the app serving this request with {@code model}; inside the
     * template this context is {@code was} (e.g. {@code {{ was.basepath() }}}). A route may return
     * the result as its HTML response.
     */
    public String render(String name, Map<String, Object> model) {
        return templates.render(this, name, model == null ? Map.of() : model);
    }

    /** Renders template {@code name} with {@code was} as its only variable. */
    public String render(String name) {
        return render(name, Map.of());
    }

    /** The current time in milliseconds since the epoch. */
    public long timestamp() {
        return System.currentTimeMillis();
    }

    /** Calls the app's handlers of {@code event} now (Python's {@code was.emit}); what they throw propagates here. */
    public void emit(String event, Object... args) {
        events.emit(this, event, args);
    }

    /**
     * Calls the app's handlers of {@code event} after the response of this request is complete, on
     * another thread (Python's {@code was.emit_after}); what they throw is logged.
     */
    public void emitAfter(String event, Object... args) {
        events.emitAfter(this, event, args);
    }

    /** Calls the broadcast handlers of {@code event} in every started app of this server (Python's {@code was.broadcast}). */
    public void broadcast(String event, Object... args) {
        events.broadcast(this, event, args);
    }

    /** This request's global transaction id (Python's gtxid), e.g. {@code GTID-C3-R8}. */
    public String gtxid() {
        return txid.gtxid();
    }

    /** This request's local transaction id (Python's ltxid): {@code 1000} for a client's request. */
    public String ltxid() {
        return txid.ltxid();
    }

    /** The default Content-Type and Accept of this request's upstream calls. */
    public RequestType requestType() {
        return requestType;
    }

    @Override
    CallContext context() {
        return new CallContext(Upstreams.of(server), txid, requestType);
    }

    // ---- process model: shared state across workers, locks, status, restart/shutdown ----------

    /**
     * Records that model {@code key} changed now (Python's {@code was.setlu}), in the state every
     * worker shares, and broadcasts {@code model-changed:<key>} with {@code args} to the apps of
     * this worker ({@code @OnBroadcast("model-changed:users")}). Returns the new time (ms).
     *
     * @throws IllegalArgumentException for a key not declared with {@code Skitai.deflu}
     */
    public long setlu(String key, Object... args) {
        long time = server().sharedState().setlu(key);
        if (events.delivers()) {
            events.broadcast(this, "model-changed:" + key, args);
        }
        return time;
    }

    /** The newest last-update time of the keys (ms; 0 if none was set), e.g. for a cache decision. */
    public long getlu(String... keys) {
        return server().sharedState().getlu(keys);
    }

    /**
     * Sets a global value every worker sees (Python's {@code was.setgs}; the key must be declared
     * with {@code Skitai.defgs}) and broadcasts the event named by the key, with the value and
     * {@code args}, to the apps of this worker: {@code @OnBroadcast("cluster.num-nodes") void
     * nodes(long n, Object... info)}. Other workers see the value through {@link #getgs}, e.g. in
     * a {@code @Maintain} method.
     *
     * @throws IllegalArgumentException for a key not declared with {@code Skitai.defgs}
     */
    public void setgs(String key, long value, Object... args) {
        server().sharedState().setgs(key, value);
        if (events.delivers()) {
            Object[] all = new Object[args.length + 1];
            all[0] = value;
            System.arraycopy(args, 0, all, 1, args.length);
            events.broadcast(this, key, all);
        }
    }

    /** A global value (0 until set). */
    public long getgs(String key) {
        return server().sharedState().getgs(key);
    }

    /** A lock shared by every worker process (Python's {@code was.get_lock}); unlock it in {@code finally}. */
    public java.util.concurrent.locks.Lock getLock(String name) {
        return server().sharedState().lock(name);
    }

    /** The lock named {@code "__main__"}. */
    public java.util.concurrent.locks.Lock getLock() {
        return getLock("__main__");
    }

    /**
     * The server's status: workers, pids, uptime, connections, requests served, and once this server
     * has called out an {@code "upstreams"} section (aliases, members, weights, calls and failures
     * per member, result cache). Return it for JSON, or {@code was.status().toHtml()} for a page;
     * {@code Skitai.enableStatusDashboard} serves a live one.
     */
    public io.skitai.core.ServerStatus status() {
        return server().status();
    }

    /**
     * Restarts this worker (Python's {@code was.restart()}: with several workers, the current one
     * only; the master starts a fresh one first), or the engine of a single process.
     */
    public void restart() {
        server().restart();
    }

    /**
     * Stops this worker after its current requests (Python's {@code was.shutdown()}: with several
     * workers, the current one only; the master replaces it), or a single-process server.
     */
    public void shutdown() {
        server().shutdown();
    }

    /** Stops the whole server after the current requests: every worker, then the master. */
    public void shutdownServer() {
        server().shutdownServer();
    }

    private io.skitai.core.ServerContext server() {
        return server;
    }

    @Override
    io.skitai.core.ServerContext serverContext() {
        return server;
    }

    @Override
    public String toString() {
        return exchange == null ? "Was(no request, " + basepath + ")" : "Was(" + exchange.method() + " " + exchange.path() + ")";
    }

    // --- mail: delegates to skitai-smtpda, an optional dependency ------------------------------

    /**
     * A new email for the smtpda delivery daemon (Python's {@code was.email(subject, snd, rcpt)}):
     * add contents and attachments, optionally {@code setSmtp(..)}, then {@code send()} spools it
     * durably and returns; {@code java -jar skitai-smtpda.jar} delivers it. See {@link Mail}.
     *
     * @throws IllegalStateException naming the dependency to add when skitai-smtpda is not on the class path
     */
    public Mail email(String subject, String from, String... to) {
        SmtpdaRequired.require("was.email(..)");
        return Mail.of(subject, from, to);
    }
}
