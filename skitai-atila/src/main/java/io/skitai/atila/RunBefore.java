package io.skitai.atila;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names methods of the same controller to run before this route (Python's
 * {@code @app.run_before}), in order. Each takes the {@link io.skitai.was.Was}; when one returns
 * non-null, the route is skipped and that value is rendered instead.
 *
 * <pre>{@code
 * @Route("/admin") @RunBefore("loggedIn")
 * public String admin(Was was) { ... }
 *
 * public Object loggedIn(Was was) { return user(was) == null ? Response.status(401) : null; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RunBefore {

    /** Method names on the same controller. */
    String[] value();
}
