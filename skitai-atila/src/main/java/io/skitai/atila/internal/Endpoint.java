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
    private final Hook[] before;
    private final Hook[] after;

    private Endpoint(MethodHandle invoker, Binders.Binder[] binders, String description, Hook[] before, Hook[] after) {
        this.invoker = invoker;
        this.binders = binders;
        this.description = description;
        this.before = before;
        this.after = after;
    }

    /** This endpoint with {@code @RunBefore} and {@code @RunAfter} hooks around the method. */
    public Endpoint withHooks(java.util.List<Hook> before, java.util.List<Hook> after) {
        return new Endpoint(invoker, binders, description, before.toArray(Hook[]::new), after.toArray(Hook[]::new));
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
            return new Endpoint(spread, binders, description, new Hook[0], new Hook[0]);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(Messages.notAccessible(description), e);
        }
    }

    /**
     * Runs the before-hooks (the first non-null value they return is the result), binds the
     * arguments and invokes the method, then runs the after-hooks; returns the result.
     */
    public Object invoke(Call call) throws Exception {
        Hook.Args hookArgs = before.length + after.length == 0 ? null : Hook.Args.of(call.was());
        for (Hook hook : before) {
            Object early = hook.call(hookArgs);
            if (early != null) {
                return early;
            }
        }
        Object result = invokeMethod(call);
        for (Hook hook : after) {
            hook.call(hookArgs);
        }
        return result;
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
