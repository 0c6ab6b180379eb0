package io.skitai.atila.internal;

import io.skitai.atila.Atila;
import io.skitai.core.HttpError;
import io.skitai.core.MountInfo;
import io.skitai.was.Was;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A controller method called with arguments picked by parameter type (the app, the mount, the
 * request's Was, an error, a status, the time), prepared once into a method handle.
 */
public final class Hook {

    /** What a parameter receives. */
    public enum Kind {
        /** The {@link Atila} app. */
        APP(Atila.class),
        /** The {@link MountInfo}. */
        MOUNT(MountInfo.class),
        /** The request's {@link Was}. */
        WAS(Was.class),
        /** The {@link HttpError} being handled. */
        HTTP_ERROR(HttpError.class),
        /** The status being handled, an {@code int}. */
        STATUS(int.class),
        /** The {@link Throwable} being handled. */
        THROWABLE(Throwable.class),
        /** The current time in epoch milliseconds, a {@code long}. */
        NOW(long.class);

        private final Class<?> type;

        Kind(Class<?> type) {
            this.type = type;
        }

        static Kind of(Class<?> type) {
            for (Kind k : values()) {
                if (k.type == type || (type == Integer.class && k == STATUS) || (type == Long.class && k == NOW)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** The values a hook's parameters are picked from; absent ones are {@code null} or 0. */
    public record Args(Atila app, MountInfo mount, Was was, HttpError error, Throwable cause, int status, long now) {

        /** Arguments for a lifecycle hook. */
        public static Args of(Atila app, MountInfo mount) {
            return new Args(app, mount, null, null, null, 0, System.currentTimeMillis());
        }

        /** Arguments for a per-request hook. */
        public static Args of(Was was) {
            return new Args(null, null, was, null, null, 0, System.currentTimeMillis());
        }

        Object value(Kind kind) {
            return switch (kind) {
                case APP -> app;
                case MOUNT -> mount;
                case WAS -> was;
                case HTTP_ERROR -> error;
                case STATUS -> status;
                case THROWABLE -> cause;
                case NOW -> now;
            };
        }
    }

    private final MethodHandle invoker;
    private final Kind[] kinds;
    private final String description;

    private Hook(MethodHandle invoker, Kind[] kinds, String description) {
        this.invoker = invoker;
        this.kinds = kinds;
        this.description = description;
    }

    /**
     * Prepares {@code method} of {@code controller} as a {@code role} hook (e.g. {@code "@Mounted"})
     * whose parameters may only be of the {@code allowed} kinds.
     *
     * @throws IllegalStateException when a parameter is of another type or the method is not accessible
     */
    public static Hook of(Object controller, Method method, String role, Set<Kind> allowed) {
        String description = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        Parameter[] params = method.getParameters();
        Kind[] kinds = new Kind[params.length];
        for (int i = 0; i < params.length; i++) {
            Kind k = Kind.of(params[i].getType());
            if (k == null || !allowed.contains(k)) {
                throw new IllegalStateException(Messages.hookParameter(description, params[i].getName(), role, names(allowed),
                        params[i].getType().getSimpleName()));
            }
            kinds[i] = k;
        }
        try {
            method.trySetAccessible();
            MethodHandle handle = MethodHandles.lookup().unreflect(method);
            if (!Modifier.isStatic(method.getModifiers())) {
                handle = handle.bindTo(controller);
            }
            MethodHandle spread = handle.asSpreader(Object[].class, kinds.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new Hook(spread, kinds, description);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(Messages.notAccessible(description), e);
        }
    }

    /** Prepares every method of {@code controller} carrying {@code annotation} (see {@link #of}). */
    public static java.util.List<Hook> all(Object controller, Class<? extends Annotation> annotation, Set<Kind> allowed) {
        return Controllers.methods(controller.getClass(), annotation).stream()
                .map(m -> of(controller, m, "@" + annotation.getSimpleName(), allowed)).toList();
    }

    /** Kinds for lifecycle hooks. */
    public static Set<Kind> lifecycle() {
        return EnumSet.of(Kind.APP, Kind.MOUNT);
    }

    /** Calls the method; returns what it returned ({@code null} for void). */
    public Object call(Args args) throws Exception {
        Object[] values = new Object[kinds.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = args.value(kinds[i]);
        }
        try {
            return (Object) invoker.invokeExact(values);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(Messages.threw(description, t), t);
        }
    }

    private static String names(Set<Kind> allowed) {
        return allowed.stream().map(k -> k.type.getSimpleName()).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return description + Arrays.toString(kinds);
    }
}
