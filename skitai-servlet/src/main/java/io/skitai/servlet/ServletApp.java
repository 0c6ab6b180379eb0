package io.skitai.servlet;

import io.skitai.core.App;
import io.skitai.core.Handler;
import io.skitai.core.MountInfo;
import io.skitai.servlet.internal.Deployments;
import io.skitai.servlet.internal.Parts;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContainerInitializer;
import java.util.ArrayList;
import java.util.EventListener;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A servlet app to mount: servlets, filters, listeners and initializers deployed on
 * undertow-servlet when the server starts. The mount point is the context path
 * ({@code request.getContextPath()}); servlet mappings are relative to it. Each mount deploys the
 * app anew; stopping the server destroys what it deployed.
 *
 * <p>Servlets run on the engine's handler threads (a virtual thread per request by default, so they
 * may block), behind the engine's limits, request log, transaction ids and the mount's filters,
 * with {@code Was.current()} and {@code Exchange.current()} set. Every servlet and filter supports
 * {@code startAsync}. Errors never show a stack trace to the client. The server's
 * {@link io.skitai.core.ServerContext} is the servlet context attribute
 * {@link #SERVER_ATTRIBUTE}. The engine must run handlers off the IO thread (not {@code Run.threads(0)}).
 * Made by {@link Servlets} or {@link JakartaRest}.
 */
public final class ServletApp implements App {

    /** The servlet context attribute that holds the {@link io.skitai.core.ServerContext} the app runs in. */
    public static final String SERVER_ATTRIBUTE = "io.skitai.core.ServerContext";

    private final List<Consumer<Parts>> parts;
    private final ClassLoader classLoader;
    private final String description;
    private final Deployments deployments = new Deployments();

    private ServletApp(List<Consumer<Parts>> parts, ClassLoader classLoader, String description) {
        this.parts = List.copyOf(parts);
        this.classLoader = classLoader;
        this.description = description;
    }

    @Override
    public Handler start(MountInfo mount) throws Exception {
        return deployments.deploy(mount, classLoader, parts, description);
    }

    @Override
    public void stop() {
        deployments.undeployAll();
    }

    @Override
    public String toString() {
        return "ServletApp(" + description + ")";
    }

    /** Collects the parts of a {@link ServletApp}; {@link Servlets#builder()} makes one. */
    public static final class Builder {

        private final List<Consumer<Parts>> parts = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private ClassLoader classLoader;

        Builder() {}

        /**
         * A servlet made from its class (no-argument constructor) when the app starts.
         *
         * @param mappings URL patterns relative to the mount point: {@code "/*"}, {@code "/items/*"},
         *                 {@code "*.do"}, {@code "/"} (the default servlet)
         */
        public Builder servlet(String name, Class<? extends Servlet> servlet, String... mappings) {
            loader(servlet);
            return add("servlet " + name, p -> p.servlet(name, servlet, null, mappings, Map.of()));
        }

        /** A servlet made from its class, with init parameters ({@code ServletConfig.getInitParameter}). */
        public Builder servlet(String name, Class<? extends Servlet> servlet, Map<String, String> initParams, String... mappings) {
            loader(servlet);
            return add("servlet " + name, p -> p.servlet(name, servlet, null, mappings, initParams));
        }

        /** This servlet instance (its {@code init} and {@code destroy} are still called). */
        public Builder servlet(String name, Servlet servlet, String... mappings) {
            loader(servlet.getClass());
            return add("servlet " + name, p -> p.servlet(name, servlet.getClass(), servlet, mappings, Map.of()));
        }

        /** A servlet filter made from its class, for requests matching the URL patterns. */
        public Builder filter(String name, Class<? extends Filter> filter, String... urlPatterns) {
            loader(filter);
            return add("filter " + name, p -> p.filter(name, filter, null, urlPatterns));
        }

        /** This servlet filter instance, for requests matching the URL patterns. */
        public Builder filter(String name, Filter filter, String... urlPatterns) {
            loader(filter.getClass());
            return add("filter " + name, p -> p.filter(name, filter.getClass(), filter, urlPatterns));
        }

        /** A listener ({@code ServletContextListener}, {@code ServletRequestListener}, ...) made from its class. */
        public Builder listener(Class<? extends EventListener> listener) {
            loader(listener);
            return add("listener " + listener.getSimpleName(), p -> p.listener(listener));
        }

        /**
         * A {@link ServletContainerInitializer} run as the app starts, given {@code handlesTypes}
         * as the classes its {@code @HandlesTypes} would have found (nothing is scanned).
         */
        public Builder initializer(Class<? extends ServletContainerInitializer> initializer, Class<?>... handlesTypes) {
            loader(initializer);
            return add("initializer " + initializer.getSimpleName(), p -> p.initializer(initializer, handlesTypes));
        }

        /** A context init parameter ({@code ServletContext.getInitParameter}). */
        public Builder contextParam(String name, String value) {
            Objects.requireNonNull(value, "value");
            return add("param " + name, p -> p.contextParam(name, value));
        }

        /**
         * The class loader the app's classes are loaded with (its thread context class loader while
         * servlets run); by default the loader of the first servlet, filter, listener or initializer.
         */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /** The app; mount it with {@code Skitai.mount(point, app)}. */
        public ServletApp build() {
            if (parts.isEmpty()) {
                throw new IllegalStateException("a servlet app needs at least one servlet, filter, listener or initializer");
            }
            ClassLoader loader = classLoader != null ? classLoader : ServletApp.class.getClassLoader();
            return new ServletApp(parts, loader, String.join(", ", names));
        }

        private Builder add(String name, Consumer<Parts> part) {
            Objects.requireNonNull(name, "name");
            names.add(name);
            parts.add(part);
            return this;
        }

        private void loader(Class<?> type) {
            if (classLoader == null && type.getClassLoader() != null) {
                classLoader = type.getClassLoader();
            }
        }
    }
}
