package io.skitai.atila;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the request body to a parameter: a JSON body is read with the engine's Jackson mapper into
 * the parameter's type (record, POJO, {@code Map}, {@code List}...), a form body is converted to it
 * field by field. A parameter whose type is neither {@link io.skitai.was.Was} nor convertible from
 * one request parameter binds the body without the annotation too. A missing or malformed body is a
 * 400 that says what is wrong.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Body {}
