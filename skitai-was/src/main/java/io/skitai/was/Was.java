package io.skitai.was;

import io.skitai.core.Exchange;
import io.skitai.was.internal.CurrentWas;
import io.skitai.was.internal.GrpcClients;
import io.skitai.was.internal.GrpcRequired;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-request context, a thin facade over the request's {@link Exchange}. Atila route methods
 * receive it as a parameter; any code running for the request reaches it with {@link #current()}.
 *
 * <p>This slice holds the request-context part only. The upstream calls of the Python {@code was}
 * ({@code get/post/rpc/grpc/backend}, {@code lb()}, {@code map()}, result cache, transaction ids)
 * and its utilities (tokens, JWT, shared state) arrive with the was issue.
 */
public final class Was {

    private final Exchange exchange;
    private final RouteUrls urls;
    private final Templates templates;
    private final AppEvents events;
    private Map<String, Object> g;

    private Was(Exchange exchange, RouteUrls urls, Templates templates, AppEvents events) {
        this.exchange = exchange;
        this.urls = urls;
        this.templates = templates;
        this.events = events;
    }

    /**
     * The context of one request whose app builds route URLs with {@code urls}, renders
     * {@code templates} and raises events on {@code events}.
     */
    public static Was of(Exchange exchange, RouteUrls urls, Templates templates, AppEvents events) {
        if (exchange == null || urls == null || templates == null || events == null) {
            throw new IllegalArgumentException("Was.of needs an exchange, route URLs, templates and events");
        }
        return new Was(exchange, urls, templates, events);
    }

    /** The context of one request whose app builds route URLs with {@code urls} and renders {@code templates}. */
    public static Was of(Exchange exchange, RouteUrls urls, Templates templates) {
        return of(exchange, urls, templates, AppEvents.none());
    }

    /** The context of one request whose app builds route URLs with {@code urls} and raises events on {@code events}. */
    public static Was of(Exchange exchange, RouteUrls urls, AppEvents events) {
        return of(exchange, urls, Templates.none(), events);
    }

    /** The context of one request whose app builds route URLs with {@code urls}, without templates or events. */
    public static Was of(Exchange exchange, RouteUrls urls) {
        return of(exchange, urls, Templates.none(), AppEvents.none());
    }

    /** The context of one request whose app does not name its routes. */
    public static Was of(Exchange exchange) {
        return of(exchange, RouteUrls.none());
    }

    /**
     * The context of the request being handled on this thread.
     *
     * @throws IllegalStateException outside a request (e.g. at startup or on a thread of your own)
     */
    public static Was current() {
        Was was = CurrentWas.get();
        if (was == null) {
            throw new IllegalStateException("Was.current() is only available while a request is handled on this thread;"
                    + " take the Was as a route parameter and pass it to threads of your own");
        }
        return was;
    }

    /** The request and its response. */
    public Exchange request() {
        return exchange;
    }

    /**
     * The response of this request (Python's {@code was.response}): status, headers and
     * {@code throwError("404 Not Found")}.
     */
    public WasResponse response() {
        return new WasResponse(exchange);
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
        return exchange.mountPoint();
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

    /** Calls the broadcast handlers of {@code event} in every started app of this JVM (Python's {@code was.broadcast}). */
    public void broadcast(String event, Object... args) {
        events.broadcast(this, event, args);
    }

    // ---- gRPC ---------------------------------------------------------------------------

    /**
     * A gRPC service upstream (Python's {@code stub = was.grpc(url)}):
     * {@code was.grpc("http://127.0.0.1:5001/helloworld.Greeter").call("SayHello", request)} fires
     * the call and returns its {@link Call}; see {@link GrpcStub}. Channels are pooled per upstream.
     *
     * @throws IllegalStateException when gRPC is not on the class path (the message names the
     *                               dependencies to add)
     */
    public GrpcStub<Call> grpc(String url) {
        GrpcRequired.require("was.grpc");
        return GrpcClients.stub(url);
    }

    @Override
    public String toString() {
        return "Was(" + exchange.method() + " " + exchange.path() + ")";
    }

    // --- mail: delegates to skitai-smtpda -----------------------------------------------------

    /**
     * A new email for the smtpda delivery daemon (Python's {@code was.email(subject, snd, rcpt)}):
     * add contents and attachments, optionally {@code setSmtp(..)}, then {@code send()} spools it
     * durably and returns; {@code java -jar skitai-smtpda.jar} delivers it. See
     * {@link io.skitai.smtpda.Email}.
     */
    public io.skitai.smtpda.Email email(String subject, String from, String... to) {
        return io.skitai.smtpda.Email.of(subject, from, to);
    }
}
