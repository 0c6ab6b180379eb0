package io.skitai.atila;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names methods of the same controller to run, in order, after this route returned (Python's
 * {@code @app.run_after}), before its value is rendered. Each takes the
 * {@link io.skitai.was.Was}; return values are ignored. They do not run when the route throws.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RunAfter {

    /** Method names on the same controller. */
    String[] value();
}
