package io.skitai.atila;

import io.skitai.atila.internal.AppRuntime;
import io.skitai.atila.internal.AppTemplates;
import io.skitai.atila.internal.AuthHandlers;
import io.skitai.atila.internal.AtilaHandler;
import io.skitai.atila.internal.Messages;
import io.skitai.atila.internal.TemplateFolder;
import io.skitai.atila.internal.Routes;
import io.skitai.core.App;
import io.skitai.core.Handler;
import io.skitai.core.MountInfo;
import io.skitai.was.Templates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An Atila app: controllers with {@link Route} methods, mounted like any {@link App}.
 *
 * <pre>{@code
 * public class Pets {
 *     @Route("/pets/{id:int}")
 *     public Pet pet(Was was, int id) { return store.find(id); }
 * }
 *
 * Skitai.mount("/v1", Atila.create().register(new Pets()));
 * }</pre>
 *
 * <p>The route table is built once, on the first {@link #start(MountInfo)}; the same app can be
 * mounted at several points and sees each one as {@code was.basepath()}. Register every
 * controller before the server starts.
 *
 * <p>{@code was.render(name, model)} renders a Pebble template from the app's {@code templates/}
 * folder ({@link #templates(String)}, {@link #templates(Path)}); with debug on (the mount's
 * {@code Pref.debug(true)} or {@code config().put("debug", true)}) templates are re-read on
 * every render, otherwise compiled once and cached.
 *
 * <p>Lifecycle: {@link #start(MountInfo)} reads the app's {@link #config()} with the mount's
 * {@code pref().config()} over it, for that mount only (the same app mounted twice keeps each
 * mount's overrides apart; {@link #config()} itself is not changed), runs the {@link BeforeMount} hooks, builds the routes, starts the
 * {@link Maintain} tasks and broadcast membership, then runs the {@link Mounted} hooks;
 * {@link #stop()} runs {@link BeforeUmount}, stops them, then runs {@link Umounted}. Controllers
 * also declare {@link On}/{@link OnBroadcast} event handlers, {@link ErrorHandler}s and
 * {@link RunBefore}/{@link RunAfter} route hooks, and guard routes with {@link LoginRequired},
 * {@link PermissionRequired}, {@link AuthorizationRequired} and {@link TestpassRequired} (see
 * {@link #loginHandler}, {@link #permissionHandler}, {@link #authorization}).
 */
public final class Atila implements App {

    private final List<Object> controllers = new ArrayList<>();
    private final Map<String, Object> config = new LinkedHashMap<>();
    private TemplateFolder templates = TemplateFolder.DEFAULT;
    private final Map<String, Object> store = new ConcurrentHashMap<>();
    private Templates renderer;
    private AtilaHandler handler;
    private AppRuntime runtime;
    private final AuthHandlers auth = new AuthHandlers();

    private Atila() {}

    /** A new app without controllers. */
    public static Atila create() {
        return new Atila();
    }

    /**
     * Adds a controller: any object whose methods (its own and inherited) carry {@link Route}.
     *
     * @throws IllegalStateException once the app has started
     */
    public synchronized Atila register(Object controller) {
        if (controller == null) {
            throw new IllegalArgumentException(Messages.registerNull());
        }
        if (handler != null) {
            throw new IllegalStateException(Messages.registerAfterStart(controller.getClass().getSimpleName()));
        }
        controllers.add(controller);
        return this;
    }

    /**
     * Reads {@code was.render} templates from this classpath prefix (default {@code "templates"}),
     * through the class loader of the first registered controller.
     */
    public synchronized Atila templates(String classpathPrefix) {
        templates = TemplateFolder.classpath(classpathPrefix);
        return this;
    }

    /** Reads {@code was.render} templates from this directory. */
    public synchronized Atila templates(Path directory) {
        templates = TemplateFolder.directory(directory);
        return this;
    }

    /**
     * Decides whether a {@link LoginRequired} route may run (Python's {@code @app.login_handler}):
     * {@code null} lets the request through, anything else (a redirect {@link Response}, a 401) is
     * answered instead.
     */
    public synchronized Atila loginHandler(java.util.function.Function<io.skitai.was.Was, Object> handler) {
        notStarted("loginHandler");
        auth.login(handler);
        return this;
    }

    /**
     * Decides whether a {@link PermissionRequired} route may run, given its permissions (Python's
     * {@code @app.permission_handler}): {@code null} lets the request through, anything else (a 403
     * {@link Response}) is answered instead.
     */
    public synchronized Atila permissionHandler(java.util.function.BiFunction<io.skitai.was.Was, List<String>, Object> handler) {
        notStarted("permissionHandler");
        auth.permission(handler);
        return this;
    }

    /** Checks the credentials of {@link AuthorizationRequired} routes (Basic, Digest, Bearer). */
    public synchronized Atila authorization(Authorization authorization) {
        notStarted("authorization");
        auth.authorization(authorization);
        return this;
    }

    private void notStarted(String setting) {
        if (handler != null) {
            throw new IllegalStateException(Messages.authAfterStart(setting));
        }
    }

    /** The app's configuration, free-form (Python's {@code app.config}). */
    public Map<String, Object> config() {
        return config;
    }

    /**
     * The config in force for the request of {@code was}: {@link #config()} with the overrides of
     * the mount serving it ({@code mount(..).pref(p)} with {@code p.config()}), read-only.
     */
    public Map<String, Object> config(io.skitai.was.Was was) {
        AppRuntime r = runtime;
        return r == null ? java.util.Collections.unmodifiableMap(config) : r.config(was.basepath());
    }

    /** State shared by the app's routes and hooks (Python's {@code app.store}); thread-safe, no null values. */
    public Map<String, Object> store() {
        return store;
    }

    /**
     * Applies the mount's config, runs the mount hooks around building the route table (first call
     * only) and returns the handler.
     *
     * @throws IllegalStateException when a route or hook is malformed, duplicated, or has a parameter it cannot bind
     * @throws Exception what a {@link BeforeMount} or {@link Mounted} hook threw
     */
    @Override
    public synchronized Handler start(MountInfo mount) throws Exception {
        if (runtime == null) {
            runtime = AppRuntime.of(this, List.copyOf(controllers));
            runtime.auth(auth);
            renderer = AppTemplates.of(templates, controllers, mount, runtime.config(mount));
        }
        runtime.beforeMount(mount);
        if (handler == null) {
            handler = Routes.compile(List.copyOf(controllers), renderer, runtime);
            runtime.taskWas(handler::withoutRequest);
        }
        try {
            io.skitai.was.Apps.of(mount.server()).register(mount.name(), mount.point(), handler.urls());
        } catch (IllegalStateException startedByHand) {
            // no running server to list the app in (a MountInfo made by hand, in a test)
        }
        runtime.mounted(mount);
        return handler;
    }

    /** Runs the unmount hooks and stops the app's maintenance tasks once its last mount stops. */
    @Override
    public synchronized void stop() throws Exception {
        if (runtime != null) {
            runtime.umount();
        }
    }

    /**
     * Re-runs the mount preparation of a started app: {@link BeforeReload} hooks, a fresh route
     * table and maintenance schedule from the current {@link #config()}, then {@link Reloaded} hooks.
     *
     * @throws IllegalStateException when the app has not started
     */
    public synchronized void reload() throws Exception {
        if (handler == null) {
            throw new IllegalStateException(Messages.reloadBeforeStart());
        }
        runtime.reload(() -> handler.replaceRoutes(Routes.compile(List.copyOf(controllers), renderer, runtime)));
    }

    /** Runs the {@link BeforeReload} hooks: the reloader is replacing this app (from an app jar) with a new version. */
    @Override
    public synchronized void beforeReload(MountInfo mount) throws Exception {
        if (runtime != null) {
            runtime.beforeReload();
        }
    }

    /** Runs the {@link Reloaded} hooks: the reloader started this app as the new version of an app jar. */
    @Override
    public synchronized void reloaded(MountInfo mount) throws Exception {
        if (runtime != null) {
            runtime.reloaded();
        }
    }

    /** Calls this app's {@link On} handlers of {@code event} now, outside a request (their Was is {@code null}). */
    public void emit(String event, Object... args) {
        started().events().emit(null, event, args);
    }

    /** Calls the {@link OnBroadcast} handlers of {@code event} in every started Atila app of this app's server. */
    public void broadcast(String event, Object... args) {
        started().events().broadcast(null, event, args);
    }

    private synchronized AppRuntime started() {
        if (runtime == null) {
            throw new IllegalStateException(Messages.eventsBeforeStart());
        }
        return runtime;
    }

    @Override
    public String toString() {
        return "Atila(" + controllers.size() + " controllers)";
    }
}
