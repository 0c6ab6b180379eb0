package io.skitai.atila.internal;

import io.skitai.atila.Route;
import io.skitai.was.Templates;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Builds the route table and route names of an app from its controllers, once, at mount time. */
public final class Routes {

    private Routes() {}

    /** The handler serving these controllers' routes, without templates. */
    public static AtilaHandler compile(List<Object> controllers) {
        return compile(controllers, Templates.none(), null);
    }

    /**
     * The handler serving these controllers' routes, rendering with {@code templates}, with the
     * app's events and error handlers and the routes' run-before/after hooks ({@code runtime} may be
     * null); throws {@link IllegalStateException} for a route it cannot build.
     */
    public static AtilaHandler compile(List<Object> controllers, Templates templates, AppRuntime runtime) {
        RouteTable<Endpoint> table = new RouteTable<>();
        RouteNames names = new RouteNames();
        for (Object controller : controllers) {
            for (Method method : routeMethods(controller.getClass())) {
                Route route = method.getAnnotation(Route.class);
                if (Modifier.isStatic(method.getModifiers())) {
                    throw new IllegalStateException(Messages.staticRoute(method));
                }
                Endpoint endpoint = Endpoint.of(controller, method);
                endpoint = endpoint.withHooks(RouteHooks.before(controller, method, endpoint), RouteHooks.after(controller, method, endpoint));
                endpoint = endpoint.withGuards(RouteGuards.of(controller, method, endpoint,
                        runtime == null ? new AuthHandlers() : runtime.auth()));
                String name = route.name().isEmpty() ? method.getName() : route.name();
                for (String text : route.value()) {
                    PathTemplate template = template(endpoint, text);
                    names.add(name, controller.getClass().getSimpleName() + "." + method.getName(), endpoint.toString(), template);
                    for (io.skitai.atila.Method m : route.methods()) {
                        table.add(m.name(), template, endpoint);
                    }
                }
            }
        }
        for (Object controller : controllers) {
            for (Method method : annotated(controller.getClass(), io.skitai.atila.WebSocketRoute.class)) {
                if (Modifier.isStatic(method.getModifiers())) {
                    throw new IllegalStateException(Messages.staticRoute(method));
                }
                io.skitai.atila.WebSocketRoute ws = method.getAnnotation(io.skitai.atila.WebSocketRoute.class);
                Endpoint endpoint = WebSocketRoutes.endpoint(controller, method, ws);
                for (String text : ws.value()) {
                    PathTemplate template = template(endpoint, text);
                    names.add(method.getName(), controller.getClass().getSimpleName() + "." + method.getName(),
                            endpoint.toString(), template);
                    table.add("GET", template, endpoint);
                }
            }
        }
        RpcRoutes.add(controllers, table);
        return new AtilaHandler(table, names, templates, runtime);
    }

    private static PathTemplate template(Endpoint endpoint, String text) {
        try {
            return PathTemplate.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(Messages.at(endpoint, e.getMessage()), e);
        }
    }

    private static List<Method> routeMethods(Class<?> type) {
        return annotated(type, Route.class);
    }

    private static List<Method> annotated(Class<?> type, Class<? extends java.lang.annotation.Annotation> annotation) {
        List<Method> out = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Arrays.stream(c.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(annotation) && !m.isBridge() && !m.isSynthetic())
                    .sorted(Comparator.comparing(Method::getName))
                    .forEach(out::add);
        }
        return out;
    }
}
