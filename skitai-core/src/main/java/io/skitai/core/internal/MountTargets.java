package io.skitai.core.internal;

import io.skitai.core.App;
import io.skitai.core.Handler;
import io.skitai.core.Mount;
import io.skitai.core.MountInfo;
import io.skitai.core.Pref;
import io.skitai.core.ServerContext;
import io.skitai.core.StartupException;
import io.undertow.server.HttpHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the configured mounts into routed handler chains, once, at start. Mounts that share a
 * point and hosts stack: static directories are tried in mount order and fall through to the one
 * app or handler mounted there (as the Python original's {@code mount('/', 'static')} beside an
 * app at '/').
 */
final class MountTargets {

    private final EngineConfig config;
    private final HandlerThreads threads;
    private final long ioTimeoutMillis;
    private final ServerContext server;
    private final List<App> startedApps = new ArrayList<>();

    MountTargets(EngineConfig config, HandlerThreads threads, ServerContext server) {
        this.config = config;
        this.threads = threads;
        this.server = server;
        this.ioTimeoutMillis = config.timeouts().request().toMillis();
    }

    /** Apps started so far, in start order (stop them in reverse). */
    List<App> startedApps() {
        return startedApps;
    }

    List<MountedTarget> build() {
        Map<String, List<Mount>> groups = new LinkedHashMap<>();
        for (Mount m : config.mounts()) {
            groups.computeIfAbsent(m.point() + " " + m.hosts(), k -> new ArrayList<>()).add(m);
        }
        List<MountedTarget> targets = new ArrayList<>();
        for (List<Mount> group : groups.values()) {
            targets.add(buildGroup(group));
        }
        return targets;
    }

    private MountedTarget buildGroup(List<Mount> group) {
        Mount first = group.get(0);
        Mount app = null;
        List<Mount> statics = new ArrayList<>();
        for (Mount m : group) {
            if (m.target() instanceof Path && !io.skitai.core.internal.apps.AppTargets.isJar(m.target())) {
                statics.add(m);
            } else if (app == null) {
                app = m;
            } else {
                throw new StartupException(Messages.duplicateMount(first.point(),
                        first.hosts().isEmpty() ? "" : " for hosts " + first.hosts()));
            }
        }
        Pref pref = (app != null ? app : first).pref().orElse(config.pref());
        HttpHandler chain = app == null ? NotFound.INSTANCE : handlerFor(app, pref);
        for (int i = statics.size() - 1; i >= 0; i--) {
            Mount s = statics.get(i);
            chain = StaticFiles.create(checkedDirectory(s), s.point(), config.maxAges(), chain);
        }
        String name = app != null ? app.name() : first.name();
        return new MountedTarget(first.point(), first.hosts(), name, new BodyLimit(pref, config.limits().minBodyRate(), config.timeouts().header(), chain));
    }

    private static Path checkedDirectory(Mount m) {
        Path dir = (Path) m.target();
        if (!Files.isDirectory(dir)) {
            throw new StartupException(Messages.staticDirMissing(m.point(), dir));
        }
        return dir;
    }

    private HttpHandler handlerFor(Mount m, Pref pref) {
        Object target = m.target();
        if (target instanceof String name && name.startsWith("@") && server.aliases().containsKey(name)) {
            return proxy(m, server.aliases().get(name));
        }
        if (target instanceof String name) {
            target = instantiate(m.point(), name);
        }
        target = io.skitai.core.internal.apps.AppTargets.resolve(m.point(), target, pref,
                CommandLine.reloadRequested(config.run().args()));
        if (target instanceof Handler h) {
            return new HandlerAdapter(filtered(m, h), m.point(), threads, ioTimeoutMillis);
        }
        if (target instanceof App app) {
            try {
                Handler h = app.start(new MountInfo(m.point(), m.hosts(), m.name(), pref, server));
                startedApps.add(app);
                return new HandlerAdapter(filtered(m, h), m.point(), threads, ioTimeoutMillis);
            } catch (StartupException e) {
                throw e;
            } catch (Exception e) {
                throw new StartupException(Messages.appFailedToStart(m.point(), String.valueOf(e.getMessage())), e);
            }
        }
        if (target instanceof HttpHandler raw) {
            return raw;
        }
        throw new StartupException(Messages.unknownTarget(m.point(), target));
    }

    /**
     * A reverse proxy to an HTTP(S) alias; a database alias cannot be mounted. With the gateway on
     * or filters to run, those run first on the handler threads, then the proxy on the IO thread.
     */
    private HttpHandler proxy(Mount m, io.skitai.core.Alias alias) {
        if (alias.db().isPresent()) {
            throw new StartupException(Messages.unknownClass(m.point(), alias.name(),
                    "it is a database alias; only HTTP, HTTPS and websocket aliases can be mounted (a reverse proxy)"));
        }
        io.skitai.core.Gateway gateway = server.setting(io.skitai.core.Gateway.SETTING);
        HttpHandler proxy;
        try {
            // The upstream client starts with the listener, after the mounts are built.
            proxy = new ReverseProxy(alias, () -> (UpstreamClientImpl) server.upstreamClient(), config.timeouts().request(),
                    new io.skitai.core.internal.gateway.ClientAddress(trusted(gateway)), server.cachefs());
        } catch (IllegalArgumentException e) {
            throw new StartupException(Messages.unknownClass(m.point(), alias.name(), "its source networks: " + e.getMessage()), e);
        }
        List<io.skitai.core.Filter> filters = new ArrayList<>();
        if (gateway.enabled()) {
            requireJwtLibrary();
            filters.add(new io.skitai.core.internal.gateway.GatewayFilter(gateway, alias.name(), alias.role(), server::upstreamClient));
        }
        filters.addAll(config.filters());
        filters.addAll(m.filters());
        if (filters.isEmpty()) {
            return proxy;
        }
        return new HandlerAdapter(io.skitai.core.Filter.chain(filters, new ProxyHandOff(proxy)), m.point(), threads.blocking(), ioTimeoutMillis);
    }

    /** The proxies whose forwarded-for is believed: the server's and the gateway's. */
    private List<String> trusted(io.skitai.core.Gateway gateway) {
        List<String> all = new ArrayList<>(server.setting(io.skitai.core.TrustedProxies.SETTING).networks());
        all.addAll(gateway.trustedProxies());
        return all;
    }

    private static void requireJwtLibrary() {
        try {
            Class.forName("com.auth0.jwt.JWT", false, MountTargets.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new StartupException(Messages.jwtMissing(), e);
        }
    }

    /** {@code h} inside the mount's filters, inside the server's (the first added outermost). */
    private Handler filtered(Mount m, Handler h) {
        List<io.skitai.core.Filter> all = new ArrayList<>(config.filters());
        all.addAll(m.filters());
        return io.skitai.core.Filter.chain(all, h);
    }

    private static Object instantiate(String point, String className) {
        if (className.startsWith("@")) {
            throw new StartupException(Messages.unknownClass(point, className,
                    "no alias named " + className + " is defined (aliases are declared with Skitai.alias)"));
        }
        try {
            Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            return type.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new StartupException(Messages.unknownClass(point, className,
                    "no such class on the classpath (to mount a directory, pass Path.of(\"" + className + "\"))"));
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new StartupException(Messages.unknownClass(point, className,
                    "it needs a public no-argument constructor (" + e + ")"));
        }
    }
}
