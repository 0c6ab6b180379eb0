package io.skitai.atila;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The route (or every route of the controller) runs only when a test method of the same
 * controller passes (Python's {@code @app.testpass_required(testfunc)}). The method takes the
 * {@link io.skitai.was.Was} and returns a {@code boolean} ({@code false} answers 403), or any
 * value: {@code null} or {@code true} go on, {@code false} is a 403, anything else is answered
 * instead of the route (a redirect, say). A method's annotation replaces its controller's; it runs
 * after {@link PermissionRequired} and before {@link RunBefore}.
 *
 * <pre>{@code
 * @Route("/beta") @TestpassRequired("isBetaTester")
 * public String beta(Was was) { ... }
 *
 * public boolean isBetaTester(Was was) { return was.request().header("X-Beta").isPresent(); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface TestpassRequired {

    /** The name of the test method on the controller. */
    String value();
}
