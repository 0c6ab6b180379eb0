package io.skitai.core.internal;

import io.skitai.core.Filter;
import io.skitai.core.Mount;
import io.skitai.core.StartupException;
import io.skitai.core.StatusDashboard;
import io.skitai.core.internal.status.DashboardHandler;
import io.skitai.core.internal.status.RecentRequests;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.List;

/**
 * The status dashboard at its reserved path, ahead of the router: a request under the path goes to
 * the dashboard (inside the server's filters and the error boundary, on virtual threads even with
 * {@code threads(0)}, since it may wait for other workers' figures) and is left out of the
 * recorded figures; any other request goes on to the router.
 */
final class DashboardFront implements HttpHandler {

    private final MountedTarget dashboard;
    private final HttpHandler next;

    private DashboardFront(MountedTarget dashboard, HttpHandler next) {
        this.dashboard = dashboard;
        this.next = next;
    }

    /**
     * Refuses, before any app starts, a mount at or under the dashboard's path and a program
     * without micrometer-core.
     */
    static void check(EngineConfig config, StatusDashboard dashboard) {
        if (!dashboard.enabled()) {
            return;
        }
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, DashboardFront.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new StartupException(Messages.dashboardNeedsMicrometer(), e);
        }
        MountedTarget reserved = new MountedTarget(dashboard.path(), List.of(), "status dashboard", null);
        for (Mount m : config.mounts()) {
            if (reserved.matches(m.point())) {
                throw new StartupException(Messages.dashboardPathTaken(dashboard.path(), m.point()));
            }
        }
    }

    /** {@code router} behind the dashboard; {@code router} itself when the dashboard is off. */
    static HttpHandler front(HttpHandler router, EngineConfig config, EngineServices services, HandlerThreads threads) {
        StatusDashboard d = services.setting(StatusDashboard.SETTING);
        if (!d.enabled()) {
            return router;
        }
        DashboardHandler handler = DashboardHandler.start(d, config.run().name(), services, recent(services));
        HttpHandler adapter = new HandlerAdapter(Filter.chain(config.filters(), handler), d.path(), threads.blocking(),
                config.timeouts().request().toMillis());
        return new DashboardFront(new MountedTarget(d.path(), List.of(), "status dashboard", adapter), router);
    }

    /** The engine's one {@link RecentRequests} (made on first use; the request timer records into it too). */
    static RecentRequests recent(EngineServices services) {
        return services.service(RecentRequests.KEY, () -> RecentRequests.of(services));
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (dashboard.matches(exchange.getRequestPath())) {
            exchange.putAttachment(RequestMetrics.UNRECORDED, Boolean.TRUE);
            dashboard.handler().handleRequest(exchange);
        } else {
            next.handleRequest(exchange);
        }
    }

    @Override
    public String toString() {
        return "StatusDashboard(" + dashboard.point() + ") -> " + next;
    }
}
