package io.skitai.core.internal.status;

import io.skitai.core.Exchange;
import io.skitai.core.Handler;
import io.skitai.core.HttpError;
import io.skitai.core.Json;
import io.skitai.core.ServerContext;
import io.skitai.core.ServerStatus;
import io.skitai.core.StatusDashboard;
import io.skitai.core.internal.EndpointGuard;
import io.skitai.core.internal.WorkerGather;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Serves the status dashboard below its path: the page ({@code ""} or {@code "/"}),
 * {@code /status.json}, and the page's script and style sheet; 404 for anything else, after the
 * {@link EndpointGuard} (405 for other methods, 403 for other networks). With several workers,
 * {@code status.json} gathers the other workers' figures over the worker channel
 * ({@link WorkerGather}); every worker answers for itself from the moment it starts.
 */
public final class DashboardHandler implements Handler {

    private static final String NO_STORE = "no-store";

    private final EndpointGuard guard;
    private final ServerContext server;
    private final RecentRequests recent;
    private final Duration wait;
    private final DashboardAssets assets;
    private final WorkerGather gather;

    private DashboardHandler(StatusDashboard dashboard, String name, ServerContext server, RecentRequests recent) {
        this.guard = EndpointGuard.of("the status dashboard", dashboard.allowedNetworks());
        this.server = server;
        this.recent = recent;
        this.wait = dashboard.gatherWait();
        this.assets = DashboardAssets.load(dashboard.path(), name);
        this.gather = WorkerGather.on(server.workerChannel(), "status-dashboard", this::ownAnswer);
    }

    /** The dashboard of the server called {@code name}, answering its workers' questions from now on. */
    public static DashboardHandler start(StatusDashboard dashboard, String name, ServerContext server, RecentRequests recent) {
        return new DashboardHandler(dashboard, name, server, recent);
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        guard.check(exchange);
        String rest = exchange.pathInfo();
        exchange.header("X-Content-Type-Options", "nosniff");
        if (rest.isEmpty() || rest.equals("/")) {
            exchange.header("Cache-Control", NO_STORE)
                    .header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
                            + " img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
            send(exchange, assets.page());
        } else if (rest.equals("/status.json")) {
            exchange.header("Cache-Control", NO_STORE).contentType("application/json").send(Json.bytes(document()));
        } else {
            DashboardAssets.Asset file = rest.indexOf('/', 1) < 0 ? assets.file(rest.substring(1)) : null;
            if (file == null) {
                throw new HttpError(404, "the status dashboard has no " + rest.substring(1));
            }
            exchange.header("Cache-Control", "no-cache");
            send(exchange, file);
        }
    }

    private static void send(Exchange exchange, DashboardAssets.Asset asset) {
        exchange.contentType(asset.contentType()).send(asset.body());
    }

    /** Every worker's figures: this one's and those the others answer within the wait. */
    private Map<String, Object> document() throws InterruptedException {
        ServerStatus status = server.status();
        WorkerGather.Gathered all = gather.everyone(status, wait);
        List<Map<String, Object>> figures = all.answers().stream().map(DashboardHandler::parse).toList();
        return DashboardJson.document(status, figures, all.missing(), System.currentTimeMillis());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(byte[] answer) {
        try {
            return Json.mapper().readValue(answer, Map.class);
        } catch (IOException e) {
            throw new IllegalStateException("a worker's status figures are not JSON: " + e.getMessage(), e);
        }
    }

    /** What this process answers another worker: its own figures, nothing from a spare. */
    private byte[] ownAnswer() {
        Map<String, Object> own = DashboardJson.own(server.status(), recent);
        return own == null ? null : Json.bytes(own);
    }

    @Override
    public String toString() {
        return "StatusDashboard(" + guard + ")";
    }
}
