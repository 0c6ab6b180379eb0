package io.skitai.atila;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs every {@code config().get("maintainInterval")} seconds (default 60) while the app is
 * mounted, on a daemon thread of its own (Python's {@code @app.maintain}). The method may take the
 * {@link Atila} app and/or a {@code long} (the current time in epoch milliseconds). What it throws
 * is logged; the next run still happens.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Maintain {
}
