package io.skitai.atila;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles an event raised with {@code was.broadcast(event, args...)} or {@link Atila#broadcast}
 * in any started Atila app of the same server (Python's {@code @app.on_broadcast}). Parameters as for
 * {@link On}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnBroadcast {

    /** The events it handles. */
    String[] value();
}
