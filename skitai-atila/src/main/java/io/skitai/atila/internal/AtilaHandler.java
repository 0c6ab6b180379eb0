package io.skitai.atila.internal;

import io.skitai.atila.Response;
import io.skitai.core.Exchange;
import io.skitai.core.Handler;
import io.skitai.core.HttpError;
import io.skitai.was.AppEvents;
import io.skitai.was.RequestType;
import io.skitai.was.RouteUrls;
import io.skitai.was.Templates;
import io.skitai.was.Was;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * The handler of a mounted Atila app: looks the route up, answers 404/405 and automatic OPTIONS,
 * binds {@link Was} to the thread around the call and renders the result; failures go through the
 * app's error handlers.
 */
public final class AtilaHandler implements Handler {

    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private volatile Routing routing;
    private final AppRuntime runtime;

    private record Routing(RouteTable<Endpoint> table, RouteUrls urls, Templates templates) {}

    /** A handler over a finished route table, without templates, events or error handlers. */
    public AtilaHandler(RouteTable<Endpoint> table, RouteUrls urls) {
        this(table, urls, Templates.none(), null);
    }

    /**
     * A handler over a finished route table, rendering {@code templates} for {@code was.render},
     * with the app's events and error handlers ({@code runtime} may be null).
     */
    public AtilaHandler(RouteTable<Endpoint> table, RouteUrls urls, Templates templates, AppRuntime runtime) {
        this.routing = new Routing(table, urls, templates);
        this.runtime = runtime;
    }

    /** The named routes' URLs (for {@code was.apps()}). */
    public RouteUrls urls() {
        return (name, args) -> routing.urls().urlFor(name, args);
    }

    /** Serves the routes of {@code fresh} from now on (used by reload). */
    public void replaceRoutes(AtilaHandler fresh) {
        this.routing = fresh.routing;
    }

    /** A {@link Was} serving no request for the app mounted at {@code mount} (its {@code @Maintain} tasks). */
    public Was withoutRequest(io.skitai.core.MountInfo mount) {
        Routing r = routing;
        return Was.withoutRequest(mount.server(), mount.point(), r.urls(), r.templates(),
                runtime == null ? AppEvents.none() : runtime.events(),
                runtime == null ? RequestType.JSON : runtime.requestType(mount.point()));
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        Routing r = routing;
        AppEvents events = runtime == null ? AppEvents.none() : runtime.events();
        Was was = Was.of(exchange, r.urls(), r.templates(), events,
                runtime == null ? RequestType.JSON : runtime.requestType(exchange.mountPoint()));
        try {
            dispatch(exchange, was, r.table());
        } catch (Throwable t) {
            if (runtime == null) {
                throw t;
            }
            runtime.errors().handle(exchange, was, t, runtime.debug(exchange.mountPoint()));
        }
    }

    private void dispatch(Exchange exchange, Was was, RouteTable<Endpoint> table) throws Exception {
        String method = exchange.method();
        String path = exchange.pathInfo();
        RouteTable.Match<Endpoint> match = table.find(method, path);
        if (match.target() == null) {
            if (match.allowed().isEmpty()) {
                throw HttpError.notFound(Messages.noRoute(path.isEmpty() ? "/" : path));
            }
            String allow = allow(match.allowed());
            if (method.equals("OPTIONS")) {
                exchange.status(204).header("Allow", allow).send(new byte[0]);
                return;
            }
            throw new HttpError(405, Messages.methodNotAllowed(method, allow), Map.of("Allow", allow), null);
        }
        exchange.route(match.template());
        Object result = match.target().invoke(new Call(exchange, was, match.variables()));
        respond(exchange, was, result);
    }

    /**
     * Renders {@code result}; a {@link CompletionStage} is awaited without blocking through
     * {@link Exchange#async}, its value (or failure, through the app's error handlers) rendered on
     * the handler threads once it completes.
     */
    private void respond(Exchange exchange, Was was, Object result) throws Exception {
        if (exchange.isResponseStarted()) {
            Renderer.render(exchange, result);
        } else if (result instanceof CompletionStage<?> stage) {
            later(exchange, was, stage, value -> value);
        } else if (result instanceof Response r && r.body() instanceof CompletionStage<?> body) {
            later(exchange, was, body, value -> new Response(r.status(), r.headers(), value));
        } else {
            Renderer.render(exchange, result);
        }
    }

    /** Renders {@code then(value of stage)} once {@code stage} completes, without blocking a thread meanwhile. */
    private void later(Exchange exchange, Was was, CompletionStage<?> stage, UnaryOperator<Object> then) {
        exchange.async(stage, ex -> {
            try {
                respond(ex, was, then.apply(Renderer.outcome(stage)));
            } catch (Throwable t) {
                if (runtime == null) {
                    throw t;
                }
                runtime.errors().handle(ex, was, t, runtime.debug(ex.mountPoint()));
            }
        });
    }

    static String allow(Set<String> methods) {
        Set<String> all = new LinkedHashSet<>();
        for (String m : ORDER) {
            if (methods.contains(m) || (m.equals("HEAD") && methods.contains("GET")) || m.equals("OPTIONS")) {
                all.add(m);
            }
        }
        all.addAll(methods);
        return String.join(", ", all);
    }

    @Override
    public String toString() {
        return "Atila(" + routing.table().size() + " routes)";
    }
}
