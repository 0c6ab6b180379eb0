package io.skitai.atila;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The route (or every route of the controller) runs only when the app's
 * {@link Atila#permissionHandler permission handler}, given these permissions, lets the request
 * through (Python's {@code @app.permission_required}). A method's annotation replaces its
 * controller's. It runs after {@link LoginRequired}, so the handler may assume a logged-in user.
 *
 * <pre>{@code
 * app.permissionHandler((was, perms) -> perms.contains(role(was)) ? null : Response.of(403, "admins only"));
 *
 * @Route("/users") @LoginRequired @PermissionRequired("admin")
 * public List<User> users(Was was) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PermissionRequired {

    /** The permissions (roles) the handler checks; empty for "any permission the handler accepts". */
    String[] value() default {};
}
