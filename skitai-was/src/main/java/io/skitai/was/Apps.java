package io.skitai.was;

import io.skitai.core.Key;
import io.skitai.core.ServerContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The apps mounted on a server that name their routes ({@link Was#apps()}, Python's
 * {@code was.apps}), by mount name, so one app can link to another's routes:
 * {@code was.apps().urlFor("admin", "Users.list")} gives {@code "/admin/users"} when the app named
 * {@code admin} is mounted at {@code /admin}. Atila apps register when they mount.
 */
public final class Apps {

    private static final Key<Apps> KEY = Key.of("was.apps", Apps.class);

    private record Mounted(String point, RouteUrls urls) {}

    private final Map<String, Mounted> apps = new ConcurrentHashMap<>();

    private Apps() {}

    /** The apps of {@code server}. */
    public static Apps of(ServerContext server) {
        return server.service(KEY, Apps::new);
    }

    /** Registers the app {@code name} mounted at {@code point} (an app does this when it mounts). */
    public void register(String name, String point, RouteUrls urls) {
        apps.put(name, new Mounted(point.endsWith("/") ? point.substring(0, point.length() - 1) : point, urls));
    }

    /** The mount names of the registered apps. */
    public List<String> names() {
        return apps.keySet().stream().sorted().toList();
    }

    /**
     * The URL of route {@code routeName} of the app {@code app}, its mount point included.
     *
     * @throws IllegalArgumentException for an app that is not mounted (naming the mounted ones) or an unknown route
     */
    public String urlFor(String app, String routeName, Object... args) {
        Mounted m = apps.get(app);
        if (m == null) {
            throw new IllegalArgumentException("no app named '" + app + "' is mounted; mounted: " + names());
        }
        return m.point() + m.urls().urlFor(routeName, args);
    }
}
