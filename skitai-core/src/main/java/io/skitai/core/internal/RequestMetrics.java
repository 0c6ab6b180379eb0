package io.skitai.core.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.skitai.core.ServerStatus;
import io.skitai.core.internal.status.RecentRequests;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Times every request: into {@code skitai.http.requests} by mount, route template, method and
 * status class when metrics are on (see {@link io.skitai.core.Metrics}; then the JVM's meters and
 * the server's worker gauges are bound too, while the engine runs), and into the status
 * dashboard's {@link RecentRequests} when it is on. Requests marked {@link #UNRECORDED} (the
 * dashboard's own) are left out.
 */
final class RequestMetrics implements HttpHandler, AutoCloseable {

    /** The mount point a request was routed to ({@link Router} sets it). */
    static final AttachmentKey<String> MOUNT = AttachmentKey.create(String.class);
    /** The route template the app says served a request ({@code Exchange.route}). */
    static final AttachmentKey<String> ROUTE = AttachmentKey.create(String.class);
    /** Set on a request that is not to be recorded. */
    static final AttachmentKey<Boolean> UNRECORDED = AttachmentKey.create(Boolean.class);

    private static final String[] STATUS = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    /** The app's registry; {@code null} with metrics off. */
    private final MeterRegistry registry;
    /** The dashboard's figures; {@code null} with the dashboard off. */
    private final RecentRequests recent;
    private final HttpHandler next;
    /** Held here: Micrometer keeps only a weak reference to what a gauge reads. */
    private final Supplier<ServerStatus> status;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /** The timers by their tag values, so a request looks one up instead of building and registering it. */
    private final java.util.concurrent.ConcurrentHashMap<TimerKey, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    /** A timer's tag values (their strings' hashes are cached: no text is built per request). */
    private record TimerKey(String mount, String route, String method, String status) {}

    RequestMetrics(MeterRegistry registry, RecentRequests recent, HttpHandler next, Supplier<ServerStatus> status) {
        this.registry = registry;
        this.recent = recent;
        this.next = next;
        this.status = status;
        if (registry == null) {
            return;
        }
        workerGauges(status);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** The master's figures, as every worker sees them on the shared table (the same in each). */
    private void workerGauges(Supplier<ServerStatus> status) {
        Gauge.builder("skitai.workers.alive", status, s -> s.get().workers().stream().filter(w -> w.index() >= 0).count())
                .description("worker processes alive (serving or starting; 1 in a single process)")
                .register(registry);
        Gauge.builder("skitai.workers.spare", status,
                        s -> s.get().workers().stream().filter(w -> w.state().equals("spare")).count())
                .description("1 while a booted spare worker waits to be called in").register(registry);
        FunctionCounter.builder("skitai.workers.restarts", status, s -> s.get().restarts())
                .description("workers replaced since the server started").register(registry);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long start = System.nanoTime();
        exchange.addExchangeCompleteListener((ex, nextListener) -> {
            try {
                record(ex, System.nanoTime() - start);
            } finally {
                nextListener.proceed();
            }
        });
        next.handleRequest(exchange);
    }

    private void record(HttpServerExchange ex, long nanos) {
        if (ex.getAttachment(UNRECORDED) != null) {
            return;
        }
        int status = ex.getStatusCode();
        if (recent != null) {
            recent.record(status, nanos);
        }
        if (registry == null) {
            return;
        }
        String mount = ex.getAttachment(MOUNT);
        String route = ex.getAttachment(ROUTE);
        String method = ex.getRequestMethod().toString();
        String statusClass = status >= 100 && status < 600 ? STATUS[status / 100 - 1] : "other";
        String m = mount == null ? "-" : mount;
        String r = route == null ? "-" : route;
        timers.computeIfAbsent(new TimerKey(m, r, method, statusClass), k -> Timer.builder("skitai.http.requests")
                .description("requests served, by mount, route template, method and status class")
                .tag("mount", k.mount()).tag("route", k.route()).tag("method", k.method()).tag("status", k.status())
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        gc.close();
    }

    @Override
    public String toString() {
        return "RequestMetrics -> " + next;
    }
}
