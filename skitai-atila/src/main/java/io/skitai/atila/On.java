package io.skitai.atila;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles an app event raised with {@code was.emit(event, args...)} or {@code was.emitAfter(..)}
 * (Python's {@code @app.on}). The method may take a leading {@link io.skitai.was.Was} ({@code null}
 * when emitted outside a request), then the emitted arguments in order (a trailing varargs
 * parameter collects the rest). Its return value is ignored; what it throws propagates to
 * {@code emit}.
 *
 * <pre>{@code
 * @On("user-created")
 * public void created(Was was, String name) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface On {

    /** The events it handles. */
    String[] value();
}
