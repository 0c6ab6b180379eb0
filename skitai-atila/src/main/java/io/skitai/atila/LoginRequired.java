package io.skitai.atila;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The route (or every route of the controller) runs only when the app's
 * {@link Atila#loginHandler login handler} lets the request through (Python's
 * {@code @app.login_required}). The handler returns {@code null} to go on, or what to answer
 * instead: a redirect to the login page, a 401.
 *
 * <pre>{@code
 * app.loginHandler(was -> was.request().cookie("user").isPresent() ? null
 *         : Response.status(302).header("Location", "/login"));
 *
 * @Route("/account") @LoginRequired
 * public String account(Was was) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface LoginRequired {}
