package io.skitai.atila.internal;

import io.skitai.atila.AuthorizationRequired;
import io.skitai.atila.LoginRequired;
import io.skitai.atila.PermissionRequired;
import io.skitai.atila.TestpassRequired;
import io.skitai.core.Filter;
import io.skitai.core.HttpError;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Resolves a route's {@link AuthorizationRequired}, {@link LoginRequired}, {@link PermissionRequired}
 * and {@link TestpassRequired} (on the method, else on its controller) into filters, in that order,
 * at mount time: a guard the app gave no handler for is a startup error.
 */
final class RouteGuards {

    private RouteGuards() {}

    static List<Filter> of(Object controller, Method route, Endpoint endpoint, AuthHandlers auth) {
        List<Filter> out = new ArrayList<>();
        AuthorizationRequired authorization = find(controller, route, AuthorizationRequired.class);
        if (authorization != null) {
            HttpAuth scheme = auth.scheme(authorization.value(), endpoint);
            out.add(RouteFilters.guard("@AuthorizationRequired(" + scheme + ") " + endpoint, call -> {
                AuthUser.set(call.exchange(), scheme.authenticate(call));
                return null;
            }));
        }
        if (find(controller, route, LoginRequired.class) != null) {
            Function<io.skitai.was.Was, Object> login = auth.login();
            if (login == null) {
                throw new IllegalStateException(Messages.guardHandlerMissing(endpoint.toString(), "@LoginRequired", "loginHandler(was -> ..)"));
            }
            out.add(RouteFilters.guard("@LoginRequired " + endpoint, call -> login.apply(call.was())));
        }
        PermissionRequired permission = find(controller, route, PermissionRequired.class);
        if (permission != null) {
            BiFunction<io.skitai.was.Was, List<String>, Object> handler = auth.permission();
            if (handler == null) {
                throw new IllegalStateException(Messages.guardHandlerMissing(endpoint.toString(), "@PermissionRequired",
                        "permissionHandler((was, perms) -> ..)"));
            }
            List<String> perms = List.of(permission.value());
            out.add(RouteFilters.guard("@PermissionRequired" + perms + " " + endpoint, call -> handler.apply(call.was(), perms)));
        }
        TestpassRequired testpass = find(controller, route, TestpassRequired.class);
        if (testpass != null) {
            out.add(testpass(controller, testpass.value(), endpoint));
        }
        return out;
    }

    private static Filter testpass(Object controller, String name, Endpoint endpoint) {
        Method m = Controllers.named(controller.getClass(), name);
        if (m == null || m.getReturnType() == void.class) {
            throw new IllegalStateException(Messages.testpassMethod(endpoint.toString(), name, controller.getClass()));
        }
        Hook test = Hook.of(controller, m, "@TestpassRequired", EnumSet.of(Hook.Kind.WAS));
        return RouteFilters.guard("@TestpassRequired(" + name + ") " + endpoint, call -> {
            Object result = test.call(Hook.Args.of(call.was()));
            if (Boolean.FALSE.equals(result)) {
                throw new HttpError(403, Messages.testpassFailed());
            }
            return Boolean.TRUE.equals(result) ? null : result;
        });
    }

    /** The route method's annotation, else the nearest one on the controller's class or a superclass. */
    private static <A extends Annotation> A find(Object controller, Method route, Class<A> type) {
        A own = route.getAnnotation(type);
        for (Class<?> c = controller.getClass(); own == null && c != null && c != Object.class; c = c.getSuperclass()) {
            own = c.getAnnotation(type);
        }
        return own;
    }
}
