package io.skitai.atila.internal;

import io.skitai.atila.Atila;
import io.skitai.atila.BeforeMount;
import io.skitai.atila.BeforeReload;
import io.skitai.atila.BeforeUmount;
import io.skitai.atila.Maintain;
import io.skitai.atila.Mounted;
import io.skitai.atila.Reloaded;
import io.skitai.atila.Umounted;
import io.skitai.core.MountInfo;
import io.skitai.was.RequestType;
import io.skitai.was.Was;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What an Atila app prepared at mount time besides its routes: lifecycle hooks, events, error
 * handlers, maintenance tasks and the debug flag. The app calls it under its own lock.
 */
public final class AppRuntime {

    private static final List<Class<? extends Annotation>> LIFECYCLE = List.of(
            BeforeMount.class, Mounted.class, BeforeUmount.class, Umounted.class, BeforeReload.class, Reloaded.class);

    private final Atila app;
    private final Map<Class<? extends Annotation>, List<Hook>> hooks = new HashMap<>();
    private final List<Hook> maintain = new ArrayList<>();
    private final Events events;
    private final ErrorHandlers errors;
    /** What one mount point's config (the app's, with the mount's overrides) decides. */
    private record MountSettings(MountInfo mount, boolean debug, RequestType requestType) {}

    private final Map<String, MountSettings> mountSettings = new java.util.concurrent.ConcurrentHashMap<>();
    private static final MountSettings DEFAULTS = new MountSettings(null, false, RequestType.JSON);
    private MountInfo lastMount;
    private int mounts;
    private Maintainer maintainer;
    private volatile Function<MountInfo, Was> taskWas = mount -> null;
    private volatile AuthHandlers auth = new AuthHandlers();

    private AppRuntime(Atila app, List<Object> controllers) {
        this.app = app;
        for (Class<? extends Annotation> a : LIFECYCLE) {
            List<Hook> list = new ArrayList<>();
            controllers.forEach(c -> list.addAll(Hook.all(c, a, Hook.lifecycle())));
            hooks.put(a, list);
        }
        controllers.forEach(c -> maintain.addAll(Hook.all(c, Maintain.class,
                EnumSet.of(Hook.Kind.APP, Hook.Kind.WAS, Hook.Kind.NOW))));
        this.events = Events.of(controllers);
        this.errors = ErrorHandlers.of(controllers);
    }

    /** Prepares the hooks of {@code controllers}; throws {@link IllegalStateException} for a method it cannot call. */
    public static AppRuntime of(Atila app, List<Object> controllers) {
        return new AppRuntime(app, controllers);
    }

    /** How {@code @Maintain} methods get their {@link Was} (one serving no request) for a mount. */
    public void taskWas(Function<MountInfo, Was> factory) {
        this.taskWas = factory;
    }

    private Hook.Args maintenanceArgs() {
        MountInfo mount = lastMount;
        return new Hook.Args(app, mount, taskWas.apply(mount), null, null, 0, System.currentTimeMillis());
    }

    /** Uses {@code handlers} for the app's guarded routes ({@code @LoginRequired} and the like). */
    public void auth(AuthHandlers handlers) {
        this.auth = handlers;
    }

    /** The handlers of the app's guarded routes. */
    public AuthHandlers auth() {
        return auth;
    }

    /** The app's events. */
    public Events events() {
        return events;
    }

    /** The app's error handlers. */
    public ErrorHandlers errors() {
        return errors;
    }

    /** Whether debug mode is on at {@code mountPoint} (the app's config with that mount's overrides). */
    public boolean debug(String mountPoint) {
        return mountSettings.getOrDefault(mountPoint, DEFAULTS).debug();
    }

    /**
     * The Content-Type and Accept of the app's upstream calls: {@code config().get("defaultRequestType")}
     * (a {@link RequestType}, a (content type, accept) pair or one type), JSON when unset.
     */
    public RequestType requestType(String mountPoint) {
        return mountSettings.getOrDefault(mountPoint, DEFAULTS).requestType();
    }

    /** The app's config with the overrides of {@code mount}'s pref: that mount's own view, the app's untouched. */
    public Map<String, Object> config(MountInfo mount) {
        Map<String, Object> merged = new java.util.LinkedHashMap<>(app.config());
        if (mount != null) {
            merged.putAll(mount.pref().config());
        }
        return java.util.Collections.unmodifiableMap(merged);
    }

    /** The config of the mount at {@code mountPoint} (see {@link #config(MountInfo)}); the app's own elsewhere. */
    public Map<String, Object> config(String mountPoint) {
        return config(mountSettings.getOrDefault(mountPoint, DEFAULTS).mount());
    }

    private void settle(MountInfo mount) {
        Map<String, Object> config = config(mount);
        mountSettings.put(mount.point(), new MountSettings(mount, isTrue(config.get("debug")) || mount.pref().debug(),
                requestType(config.get("defaultRequestType"))));
    }

    private static RequestType requestType(Object configured) {
        return configured == null ? RequestType.JSON : RequestType.from(configured);
    }

    /** Applies the mount's debug flag and runs the {@code @BeforeMount} hooks. */
    public void beforeMount(MountInfo mount) throws Exception {
        lastMount = mount;
        settle(mount);
        run(BeforeMount.class, mount);
    }

    /** Joins the broadcast set, starts maintenance (first mount only) and runs the {@code @Mounted} hooks. */
    public void mounted(MountInfo mount) throws Exception {
        long interval = Maintainer.interval(config(mount).get("maintainInterval"));
        if (mounts++ == 0) {
            events.join(mount.server());
            maintainer = Maintainer.start(maintain, this::maintenanceArgs, interval);
        }
        try {
            run(Mounted.class, mount);
        } catch (Exception | Error e) {
            if (--mounts == 0) {
                release();
            }
            throw e;
        }
    }

    private void release() {
        events.leave();
        if (maintainer != null) {
            maintainer.close();
            maintainer = null;
        }
    }

    /** Runs {@code @BeforeUmount}, stops maintenance and leaves the broadcast set (last mount only), runs {@code @Umounted}. */
    public void umount() throws Exception {
        if (mounts == 0) {
            return;
        }
        Exception first = null;
        try {
            run(BeforeUmount.class, lastMount);
        } catch (Exception e) {
            first = e;
        }
        if (--mounts == 0) {
            release();
        }
        try {
            run(Umounted.class, lastMount);
        } catch (Exception e) {
            if (first == null) {
                first = e;
            } else {
                first.addSuppressed(e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Runs {@code @BeforeReload}, then {@code prepare}, restarts maintenance with the current interval, runs {@code @Reloaded}. */
    public void reload(ThrowingRunnable prepare) throws Exception {
        run(BeforeReload.class, lastMount);
        prepare.run();
        if (mounts > 0) {
            if (lastMount != null) {
                settle(lastMount);
            }
            if (maintainer != null) {
                maintainer.close();
            }
            maintainer = Maintainer.start(maintain, this::maintenanceArgs,
                    Maintainer.interval(config(lastMount).get("maintainInterval")));
        }
        run(Reloaded.class, lastMount);
    }

    /** Runs {@code @BeforeReload} (on the old version of an app the reloader replaces). */
    public void beforeReload() throws Exception {
        run(BeforeReload.class, lastMount);
    }

    /** Runs {@code @Reloaded} (on the new version of an app the reloader loaded). */
    public void reloaded() throws Exception {
        run(Reloaded.class, lastMount);
    }

    /** A step of {@link #reload}. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        /** Runs the step. */
        void run() throws Exception;
    }

    private void run(Class<? extends Annotation> phase, MountInfo mount) throws Exception {
        for (Hook hook : hooks.get(phase)) {
            hook.call(Hook.Args.of(app, mount));
        }
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
    }
}
