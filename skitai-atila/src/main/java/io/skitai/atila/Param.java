package io.skitai.atila;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a route parameter from the path variables, then the query string, then an
 * {@code application/x-www-form-urlencoded} or {@code multipart/form-data} body (its text parts;
 * file parts bind to {@link io.skitai.core.Upload} parameters), converting it to the parameter's type: strings,
 * primitives and their boxes, {@code BigDecimal}, {@code UUID}, enums (case-insensitive),
 * {@code LocalDate}, {@code Instant}, and {@code List}s of those (repeated parameters).
 * Parameters of such types bind this way without the annotation too. A missing required value or
 * one that does not convert is a 400 naming the parameter. An empty value counts as missing for
 * every type but {@code String}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Param {

    /** Marks "no default value". */
    String NONE = "\u0000<none>";

    /**
     * The request parameter's name (also the path variable's); the Java parameter's name by default,
     * which the class file holds only when it was compiled with {@code -parameters}. A route whose
     * class was not, and that binds a parameter by name without this value, fails to mount
     * ({@code SKITAI-A023}).
     */
    String value() default "";

    /** The value used when the parameter is missing; makes it optional. */
    String defaultValue() default NONE;

    /**
     * Whether a missing parameter (without a default) is a 400; if not, it binds as {@code null}
     * (zero or false for primitives, an empty list for lists).
     */
    boolean required() default true;
}
