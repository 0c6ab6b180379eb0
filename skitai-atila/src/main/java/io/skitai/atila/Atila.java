package io.skitai.atila;

import io.skitai.atila.internal.AppTemplates;
import io.skitai.atila.internal.AtilaHandler;
import io.skitai.atila.internal.TemplateFolder;
import io.skitai.atila.internal.Routes;
import io.skitai.core.App;
import io.skitai.core.Handler;
import io.skitai.core.MountInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 */
public final class Atila implements App {

    private final List<Object> controllers = new ArrayList<>();
    private final Map<String, Object> config = new LinkedHashMap<>();
    private TemplateFolder templates = TemplateFolder.DEFAULT;
    private AtilaHandler handler;

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
            throw new IllegalArgumentException("register(null): pass a controller instance");
        }
        if (handler != null) {
            throw new IllegalStateException("register(" + controller.getClass().getSimpleName() + ") after the app started");
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

    /** The app's configuration, free-form (Python's {@code app.config}). */
    public Map<String, Object> config() {
        return config;
    }

    /**
     * Builds the route table (first call only) and returns the handler.
     *
     * @throws IllegalStateException when a route is malformed, duplicated, or has a parameter it cannot bind
     */
    @Override
    public synchronized Handler start(MountInfo mount) {
        if (handler == null) {
            handler = Routes.compile(List.copyOf(controllers), AppTemplates.of(templates, controllers, mount, config));
        }
        return handler;
    }

    @Override
    public String toString() {
        return "Atila(" + controllers.size() + " controllers)";
    }
}
