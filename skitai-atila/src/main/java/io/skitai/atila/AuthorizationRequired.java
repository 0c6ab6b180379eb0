package io.skitai.atila;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The route (or every route of the controller) needs HTTP authentication with this scheme:
 * {@code "basic"} (RFC 7617), {@code "digest"} (RFC 7616) or {@code "bearer"} (RFC 6750), checked
 * against the app's {@link Atila#authorization(Authorization) Authorization} (Python's
 * {@code @app.authorization_required(auth_type)}). A request without valid credentials gets a 401
 * with the scheme's {@code WWW-Authenticate} challenge; a malformed {@code Authorization} header a
 * 400. The route reads the user with {@link Authorization#user(io.skitai.was.Was)}. A method's
 * annotation replaces its controller's; it is checked before {@link LoginRequired},
 * {@link PermissionRequired}, {@link TestpassRequired} and {@link RunBefore}.
 *
 * <pre>{@code
 * @Route("/api/me") @AuthorizationRequired("digest")
 * public String me(Was was) { return Authorization.user(was).orElseThrow(); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AuthorizationRequired {

    /** The scheme: {@code "basic"}, {@code "digest"} or {@code "bearer"} (case-insensitive). */
    String value();
}
