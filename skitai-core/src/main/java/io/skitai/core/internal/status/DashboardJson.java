package io.skitai.core.internal.status;

import io.skitai.core.ServerStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status dashboard's JSON ({@code status.json}), as plain maps written by core's own mapper, so
 * its field names never follow an app's mapper settings: the server's figures from
 * {@link ServerStatus}, every worker's row with the figures it answered (its requests by status
 * class, latency percentiles, status sections), and totals over them.
 */
final class DashboardJson {

    private static final String[] CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx", "other"};
    private static final String[] LATENCIES = {"p50", "p95", "p99", "max"};

    private DashboardJson() {}

    /**
     * The figures this process answers for itself: its worker number and pid with
     * {@link RecentRequests#figures()} and its status sections; {@code null} in a spare worker
     * (nothing to answer for).
     */
    static Map<String, Object> own(ServerStatus status, RecentRequests recent) {
        ServerStatus.Worker self = status.workers().stream().filter(w -> w.self() && w.index() >= 0).findFirst().orElse(null);
        if (self == null && status.mode().equals("workers")) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("index", self == null ? 0 : self.index());
        out.put("pid", status.pid());
        out.putAll(recent.figures());
        out.put("sections", status.sections());
        return out;
    }

    /** The whole document: {@code status} with each worker's {@code figures} (by pid) and the totals. */
    static Map<String, Object> document(ServerStatus status, List<Map<String, Object>> figures, int unanswered, long sampledAt) {
        Map<Long, Map<String, Object>> byPid = new LinkedHashMap<>();
        for (Map<String, Object> f : figures) {
            byPid.put(((Number) f.get("pid")).longValue(), f);
        }
        List<Map<String, Object>> workers = new ArrayList<>();
        for (ServerStatus.Worker w : status.workers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", w.index());
            row.put("pid", w.pid());
            row.put("state", w.state());
            row.put("startedAt", w.startedAt());
            row.put("uptimeSeconds", w.uptimeSeconds());
            row.put("requests", w.requests());
            row.put("connections", w.connections());
            row.put("self", w.self());
            row.put("figures", byPid.get(w.pid()));
            workers.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", status.name());
        out.put("mode", status.mode());
        out.put("pid", status.pid());
        out.put("masterPid", status.masterPid());
        out.put("startedAt", status.startedAt());
        out.put("uptimeSeconds", status.uptimeSeconds());
        out.put("sampledAt", sampledAt);
        out.put("requests", status.requests());
        out.put("connections", status.connections());
        out.put("restarts", status.restarts());
        out.put("windowSeconds", RecentRequests.WINDOW_SECONDS);
        out.put("workers", workers);
        out.put("totals", totals(figures));
        out.put("unanswered", unanswered);
        return out;
    }

    /**
     * Requests and status classes summed over the workers that answered; the latency figures are
     * the slowest worker's (percentiles of separate windows do not add up).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> totals(List<Map<String, Object>> figures) {
        long requests = 0;
        Map<String, Long> statuses = new LinkedHashMap<>();
        Map<String, Double> latency = new LinkedHashMap<>();
        for (String c : CLASSES) {
            statuses.put(c, 0L);
        }
        for (String l : LATENCIES) {
            latency.put(l, 0.0);
        }
        for (Map<String, Object> f : figures) {
            requests += ((Number) f.get("requests")).longValue();
            ((Map<String, Number>) f.get("statuses")).forEach((k, v) -> statuses.merge(k, v.longValue(), Long::sum));
            ((Map<String, Number>) f.get("latencyMs")).forEach((k, v) -> latency.merge(k, v.doubleValue(), Math::max));
        }
        Map<String, Object> errors = new LinkedHashMap<>();
        errors.put("4xx", statuses.get("4xx"));
        errors.put("5xx", statuses.get("5xx"));
        errors.put("5xxRatio", requests == 0 ? 0.0 : Math.round(statuses.get("5xx") * 10000.0 / requests) / 10000.0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests", requests);
        out.put("statuses", statuses);
        out.put("errors", errors);
        out.put("latencyMs", latency);
        return out;
    }
}
