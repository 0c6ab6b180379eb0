package io.skitai.servlet.internal;

import jakarta.servlet.Servlet;
import jakarta.ws.rs.core.Application;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Jersey's servlet for a Jakarta REST Application. Used only after {@link JerseyCheck} found Jersey,
 * an optional dependency of skitai-servlet (this class does not load without it).
 */
public final class Jersey {

    private Jersey() {}

    /** Jersey's servlet for the application made from its class. */
    public static Servlet servlet(Class<? extends Application> application) {
        return new ServletContainer(ResourceConfig.forApplicationClass(application));
    }

    /** Jersey's servlet for this application instance. */
    public static Servlet servlet(Application application) {
        return new ServletContainer(ResourceConfig.forApplication(application));
    }
}
