package io.skitai.atila;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Renders errors of the app (Python's {@code @app.error_handler}): {@code @ErrorHandler(404)}
 * for some statuses, a bare {@code @ErrorHandler} for any status without its own handler. Unknown
 * routes (404), wrong methods (405), binding errors and exceptions (500) all go through it.
 *
 * <p>The method takes {@code (Was was, HttpError error)} or {@code (Was was, int status, Throwable
 * error)}; what it returns is rendered like a route return value, with the error's status (a
 * {@link Response} keeps its own). Without a handler the server's default error page is sent; in
 * debug mode ({@code config().get("debug") == true} or {@code Pref.debug}) the default 500 page also
 * shows the stack trace.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ErrorHandler {

    /** The statuses it handles; empty (the default) for every status without a handler of its own. */
    int[] value() default {};
}
