package io.skitai.atila.internal;

import io.skitai.core.MountInfo;
import java.util.List;
import java.util.Map;

/** Decides, at mount time, how an app's templates are read: from where, and whether cached. */
public final class AppTemplates {

    private AppTemplates() {}

    /**
     * Pebble templates from {@code folder}; classpath ones through the first controller's class
     * loader. Debug (no cache) when the mount's pref or the app's config says {@code debug}.
     */
    public static PebbleTemplates of(TemplateFolder folder, List<Object> controllers, MountInfo mount, Map<String, Object> config) {
        boolean debug = (mount.pref() != null && (mount.pref().debug() || Boolean.TRUE.equals(mount.pref().config().get("debug"))))
                || Boolean.TRUE.equals(config.get("debug"));
        return PebbleTemplates.create(folder, classLoader(controllers), debug);
    }

    private static ClassLoader classLoader(List<Object> controllers) {
        if (!controllers.isEmpty()) {
            return controllers.get(0).getClass().getClassLoader();
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : AppTemplates.class.getClassLoader();
    }
}
