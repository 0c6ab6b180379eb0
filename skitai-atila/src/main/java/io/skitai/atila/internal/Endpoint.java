package io.skitai.atila.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * One route method, ready to call: its binders and a method handle bound to the controller and
 * spread over an {@code Object[]} (prepared once at mount time; no reflection per request).
 */
public final class Endpoint {

    private final MethodHandle invoker;
    private final Binders.Binder[] binders;
    private final String description;
    /** The route method inside its {@code @RunBefore}/{@code @RunAfter} filters; null when it has none. */
    private final io.skitai.core.Handler filtered;

    private Endpoint(MethodHandle invoker, Binders.Binder[] binders, String description,
            java.util.List<Hook> before, java.util.List<Hook> after) {
        this.invoker = invoker;
        this.binders = binders;
        this.description = description;
        this.filtered = before.isEmpty() && after.isEmpty() ? null
                : RouteFilters.around(before, after, this::invokeMethod);
    }

    /** This endpoint with {@code @RunBefore} and {@code @RunAfter} hooks around the method, as filters. */
    public Endpoint withHooks(java.util.List<Hook> before, java.util.List<Hook> after) {
        return new Endpoint(invoker, binders, description, before, after);
    }

    /** Prepares {@code method} of {@code controller}; throws {@link IllegalStateException} when it cannot be routed. */
    public static Endpoint of(Object controller, Method method) {
        String description = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        Binders.Binder[] binders = Binders.of(method);
        try {
            method.trySetAccessible();
            MethodHandle handle = MethodHandles.lookup().unreflect(method).bindTo(controller);
            MethodHandle spread = handle.asSpreader(Object[].class, binders.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new Endpoint(spread, binders, description, java.util.List.of(), java.util.List.of());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(Messages.notAccessible(description), e);
        }
    }

    /**
     * Binds the arguments and invokes the method inside its hook filters (a before-hook's non-null
     * value is the result instead; after-hooks run before the result is rendered); returns the result.
     */
    public Object invoke(Call call) throws Exception {
        return filtered == null ? invokeMethod(call) : RouteFilters.run(filtered, call);
    }

    private Object invokeMethod(Call call) throws Exception {
        Object[] args = new Object[binders.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = binders[i].bind(call);
        }
        try {
            return (Object) invoker.invokeExact(args);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(Messages.threw(description, t), t);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
