package io.skitai.atila;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Routes requests to a controller method. Paths are below the app's mount point and made of
 * literal segments and variables: {@code {name}} (one segment), {@code {name:int}} and
 * {@code {name:long}} (one segment that must be such a number, otherwise the route does not match)
 * and, as the last segment only, {@code {name:path}} (the rest of the path, slashes included,
 * possibly empty). A trailing slash is ignored.
 *
 * <pre>{@code
 * @Route(value = {"/pets/{id:int}", "/animals/{id:int}"}, methods = {Method.GET, Method.PUT})
 * public Pet pet(Was was, int id) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Route {

    /** The path templates this method answers. */
    String[] value();

    /** The methods it answers; GET by default. */
    Method[] methods() default {Method.GET};

    /** The name for {@code was.urlFor(name, args...)}; the Java method name by default. */
    String name() default "";
}
