package io.skitai.servlet;

import io.skitai.servlet.internal.Jersey;
import io.skitai.servlet.internal.JerseyCheck;
import jakarta.ws.rs.core.Application;

/**
 * Mounts a Jakarta REST {@link Application} (its resources and providers) through Jersey's servlet:
 * the mount point is the application's base path, and resource paths are relative to it
 * ({@code @ApplicationPath} is not added: the mount point says where the app lives).
 *
 * <pre>{@code
 * Skitai.mount("/api", JakartaRest.of(PetsApplication.class));   // GET /api/pets/1 -> @Path("pets/{id}")
 * }</pre>
 *
 * <p>Jersey is an optional dependency: add {@code org.glassfish.jersey.containers:jersey-container-servlet}
 * and {@code org.glassfish.jersey.inject:jersey-hk2} (and {@code jersey-media-json-jackson} for JSON);
 * without them {@code of} fails with a message naming them. Resource methods run like servlets, so
 * {@code Was.current()} works in them.
 */
public final class JakartaRest {

    private JakartaRest() {}

    /** The application made from its class (Jersey instantiates it and its resources). */
    public static ServletApp of(Class<? extends Application> application) {
        JerseyCheck.require(application.getClassLoader());
        return Servlets.builder().classLoader(application.getClassLoader())
                .servlet(application.getSimpleName(), Jersey.servlet(application), "/*").build();
    }

    /** This application instance (its singletons and properties as it returns them). */
    public static ServletApp of(Application application) {
        JerseyCheck.require(application.getClass().getClassLoader());
        return Servlets.builder().classLoader(application.getClass().getClassLoader())
                .servlet(application.getClass().getSimpleName(), Jersey.servlet(application), "/*").build();
    }
}
