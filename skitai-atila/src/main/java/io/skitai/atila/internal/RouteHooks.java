package io.skitai.atila.internal;

import io.skitai.atila.RunAfter;
import io.skitai.atila.RunBefore;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Resolves the {@link RunBefore} and {@link RunAfter} method names of a route, at mount time. */
final class RouteHooks {

    private RouteHooks() {}

    static List<Hook> before(Object controller, Method route, Endpoint endpoint) {
        RunBefore a = route.getAnnotation(RunBefore.class);
        return a == null ? List.of() : resolve(controller, a.value(), "@RunBefore", endpoint);
    }

    static List<Hook> after(Object controller, Method route, Endpoint endpoint) {
        RunAfter a = route.getAnnotation(RunAfter.class);
        return a == null ? List.of() : resolve(controller, a.value(), "@RunAfter", endpoint);
    }

    private static List<Hook> resolve(Object controller, String[] names, String role, Endpoint endpoint) {
        List<Hook> out = new ArrayList<>();
        for (String name : names) {
            Method m = Controllers.named(controller.getClass(), name);
            if (m == null) {
                throw new IllegalStateException(Messages.unknownHookMethod(endpoint, role, name, controller.getClass()));
            }
            out.add(Hook.of(controller, m, role, EnumSet.of(Hook.Kind.WAS)));
        }
        return out;
    }
}
