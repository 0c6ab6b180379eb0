package io.skitai.atila.internal;

import io.skitai.core.Exchange;
import io.skitai.core.Handler;
import io.skitai.core.HttpError;
import io.skitai.was.RouteUrls;
import io.skitai.was.Templates;
import io.skitai.was.Was;
import io.skitai.was.internal.CurrentWas;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The handler of a mounted Atila app: looks the route up, answers 404/405 and automatic OPTIONS,
 * binds {@link Was} to the thread around the call and renders the result.
 */
public final class AtilaHandler implements Handler {

    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final RouteTable<Endpoint> table;
    private final RouteUrls urls;
    private final Templates templates;

    /** A handler over a finished route table, rendering {@code templates} for {@code was.render}. */
    public AtilaHandler(RouteTable<Endpoint> table, RouteUrls urls, Templates templates) {
        this.table = table;
        this.urls = urls;
        this.templates = templates;
    }

    /** A handler over a finished route table, without templates. */
    public AtilaHandler(RouteTable<Endpoint> table, RouteUrls urls) {
        this(table, urls, Templates.none());
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        String method = exchange.method();
        String path = exchange.pathInfo();
        RouteTable.Match<Endpoint> match = table.find(method, path);
        if (match.target() == null) {
            if (match.allowed().isEmpty()) {
                throw HttpError.notFound("no route for " + (path.isEmpty() ? "/" : path));
            }
            String allow = allow(match.allowed());
            if (method.equals("OPTIONS")) {
                exchange.status(204).header("Allow", allow).send(new byte[0]);
                return;
            }
            throw new HttpError(405, method + " is not allowed here; use " + allow, Map.of("Allow", allow), null);
        }
        Was was = Was.of(exchange, urls, templates);
        CurrentWas.Scope scope = CurrentWas.enter(was);
        try {
            Object result = match.target().invoke(new Call(exchange, was, match.variables()));
            Renderer.render(exchange, result);
        } finally {
            scope.close();
        }
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
        return "Atila(" + table.size() + " routes)";
    }
}
