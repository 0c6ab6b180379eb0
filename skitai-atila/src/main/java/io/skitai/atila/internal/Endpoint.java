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
    /** What a route that is no method call does (a websocket handshake); null for a method. */
    private final Invocation invocation;
    private final java.util.List<io.skitai.core.Filter> guards;
    private final java.util.List<Hook> before;
    private final java.util.List<Hook> after;

    /** A route's work other than calling its method. */
    @FunctionalInterface
    public interface Invocation {
        Object invoke(Call call) throws Exception;
    }

    private Endpoint(MethodHandle invoker, Binders.Binder[] binders, String description,
            java.util.List<io.skitai.core.Filter> guards, java.util.List<Hook> before, java.util.List<Hook> after) {
        this.invoker = invoker;
        this.binders = binders;
        this.description = description;
        this.invocation = null;
        this.guards = guards;
        this.before = before;
        this.after = after;
        this.filtered = guards.isEmpty() && before.isEmpty() && after.isEmpty() ? null
                : RouteFilters.around(guards, before, after, this::invokeMethod);
    }

    private Endpoint(String description, Invocation invocation) {
        this.invoker = null;
        this.binders = new Binders.Binder[0];
        this.description = description;
        this.invocation = invocation;
        this.filtered = null;
        this.guards = java.util.List.of();
        this.before = java.util.List.of();
        this.after = java.util.List.of();
    }

    /** An endpoint doing {@code invocation} (a websocket handshake) instead of calling a method. */
    public static Endpoint of(String description, Invocation invocation) {
        return new Endpoint(description, invocation);
    }

    /** This endpoint with {@code @RunBefore} and {@code @RunAfter} hooks around the method, as filters. */
    public Endpoint withHooks(java.util.List<Hook> before, java.util.List<Hook> after) {
        return new Endpoint(invoker, binders, description, guards, before, after);
    }

    /** This endpoint with {@code guards} (authentication and authorisation checks) around its hooks and method. */
    public Endpoint withGuards(java.util.List<io.skitai.core.Filter> guards) {
        return invocation != null || guards.isEmpty() ? this : new Endpoint(invoker, binders, description, guards, before, after);
    }

    /** Prepares {@code method} of {@code controller}; throws {@link IllegalStateException} when it cannot be routed. */
    public static Endpoint of(Object controller, Method method) {
        return of(controller, method, Binders.of(method));
    }

    /** Prepares {@code method} of {@code controller} with its {@code binders}. */
    public static Endpoint of(Object controller, Method method, Binders.Binder[] binders) {
        String description = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        try {
            method.trySetAccessible();
            MethodHandle handle = MethodHandles.lookup().unreflect(method).bindTo(controller);
            MethodHandle spread = handle.asSpreader(Object[].class, binders.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new Endpoint(spread, binders, description, java.util.List.of(), java.util.List.of(), java.util.List.of());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(Messages.notAccessible(description), e);
        }
    }

    /**
     * Binds the arguments and invokes the method inside its hook filters (a before-hook's non-null
     * value is the result instead; after-hooks run before the result is rendered); returns the result.
     */
    public Object invoke(Call call) throws Exception {
        if (invocation != null) {
            return invocation.invoke(call);
        }
        return filtered == null ? invokeMethod(call) : RouteFilters.run(filtered, call);
    }

    /** Binds the arguments without calling the method: a missing or bad parameter throws its {@code HttpError}. */
    public void bindOnly(Call call) {
        for (Binders.Binder b : binders) {
            b.bind(call);
        }
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
