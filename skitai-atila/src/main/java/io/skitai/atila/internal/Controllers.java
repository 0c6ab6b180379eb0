package io.skitai.atila.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Finds controller methods, own and inherited, in a stable order (by class, then by name). */
public final class Controllers {

    private Controllers() {}

    /** The methods of {@code type} and its superclasses carrying {@code annotation}. */
    public static List<Method> methods(Class<?> type, Class<? extends Annotation> annotation) {
        List<Method> out = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Arrays.stream(c.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(annotation) && !m.isBridge() && !m.isSynthetic())
                    .sorted(Comparator.comparing(Method::getName))
                    .forEach(out::add);
        }
        return out;
    }

    /** The method called {@code name} of {@code type} or a superclass, or {@code null}. */
    public static Method named(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && !m.isBridge() && !m.isSynthetic()) {
                    return m;
                }
            }
        }
        return null;
    }
}
