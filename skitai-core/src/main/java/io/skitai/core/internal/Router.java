package io.skitai.core.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Routes a request to its mount: first by virtual host, then by the longest mount point that
 * prefixes the path. Tables are built once at start; a request costs one map lookup and a short
 * scan of that host's mount points.
 */
final class Router implements HttpHandler {

    private final Map<String, MountedTarget[]> byHost;
    private final MountedTarget[] anyHost;

    Router(List<MountedTarget> mounts) {
        List<MountedTarget> generic = new ArrayList<>();
        Map<String, List<MountedTarget>> hosts = new HashMap<>();
        for (MountedTarget m : mounts) {
            if (m.hosts().isEmpty()) {
                generic.add(m);
            } else {
                for (String h : m.hosts()) {
                    hosts.computeIfAbsent(h, k -> new ArrayList<>()).add(m);
                }
            }
        }
        this.anyHost = sorted(generic);
        this.byHost = new HashMap<>();
        hosts.forEach((h, list) -> byHost.put(h, sorted(list)));
    }

    private static MountedTarget[] sorted(List<MountedTarget> mounts) {
        return mounts.stream()
                .sorted(Comparator.comparingInt((MountedTarget m) -> m.point().length()).reversed())
                .toArray(MountedTarget[]::new);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        MountedTarget target = null;
        if (!byHost.isEmpty()) {
            MountedTarget[] forHost = byHost.get(exchange.getHostName().toLowerCase(Locale.ROOT));
            if (forHost != null) {
                target = match(forHost, path);
            }
        }
        if (target == null) {
            target = match(anyHost, path);
        }
        if (target == null) {
            ErrorResponses.send(exchange, 404, "nothing is mounted at " + path, false);
            return;
        }
        exchange.putAttachment(RequestMetrics.MOUNT, target.point().isEmpty() ? "/" : target.point());
        target.handler().handleRequest(exchange);
    }

    private static MountedTarget match(MountedTarget[] mounts, String path) {
        for (MountedTarget m : mounts) {
            if (m.matches(path)) {
                return m;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "Router(" + anyHost.length + " mounts for any host, " + byHost.size() + " virtual hosts)";
    }
}
