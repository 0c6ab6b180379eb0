package io.skitai.servlet;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContainerInitializer;

/**
 * Makes servlet apps to mount: one servlet, a {@link ServletApp.Builder builder} for servlets,
 * filters and listeners, or a {@link ServletContainerInitializer} web app.
 *
 * <pre>{@code
 * Skitai.mount("/hello", Servlets.of(HelloServlet.class));            // answers every path below /hello
 * Skitai.mount("/shop", Servlets.builder()
 *         .servlet("cart", CartServlet.class, "/cart/*")
 *         .filter("audit", AuditFilter.class, "/*")
 *         .build());
 * Skitai.mount("/web", Servlets.initializer(WebInitializer.class)); // as a container starts a web app
 * }</pre>
 */
public final class Servlets {

    private Servlets() {}

    /** A servlet of this class (made with its no-argument constructor) answering every path of its mount. */
    public static ServletApp of(Class<? extends Servlet> servlet) {
        return builder().servlet(servlet.getSimpleName(), servlet, "/*").build();
    }

    /** This servlet instance answering every path of its mount. */
    public static ServletApp of(Servlet servlet) {
        return builder().servlet(servlet.getClass().getSimpleName(), servlet, "/*").build();
    }

    /**
     * A web app that a {@link ServletContainerInitializer} sets up when the mount starts (Spring's
     * {@code SpringServletContainerInitializer} style).
     *
     * @param handlesTypes the classes passed to its {@code onStartup} (what its {@code @HandlesTypes}
     *                     would find on a scanning container; nothing is scanned here)
     */
    public static ServletApp initializer(Class<? extends ServletContainerInitializer> initializer, Class<?>... handlesTypes) {
        return builder().initializer(initializer, handlesTypes).build();
    }

    /** A builder for a servlet app of several parts. */
    public static ServletApp.Builder builder() {
        return new ServletApp.Builder();
    }
}
