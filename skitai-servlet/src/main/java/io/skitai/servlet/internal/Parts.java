package io.skitai.servlet.internal;

import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.FilterInfo;
import io.undertow.servlet.api.ListenerInfo;
import io.undertow.servlet.api.ServletContainerInitializerInfo;
import io.undertow.servlet.api.ServletInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContainerInitializer;
import java.util.EventListener;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Adds a servlet app's parts to the undertow-servlet deployment of one mount. */
public final class Parts {

    private final DeploymentInfo deployment;

    Parts(DeploymentInfo deployment) {
        this.deployment = deployment;
    }

    /** A servlet from its class, or this instance when not null; async supported. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void servlet(String name, Class<? extends Servlet> type, Servlet instance, String[] mappings, Map<String, String> initParams) {
        ServletInfo info = instance == null ? new ServletInfo(name, type)
                : new ServletInfo(name, type, new ImmediateInstanceFactory(instance));
        info.addMappings(mappings).setAsyncSupported(true).setLoadOnStartup(1);
        initParams.forEach(info::addInitParam);
        deployment.addServlet(info);
    }

    /** A filter from its class, or this instance when not null, on every dispatch type; async supported. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void filter(String name, Class<? extends Filter> type, Filter instance, String[] urlPatterns) {
        FilterInfo info = instance == null ? new FilterInfo(name, type)
                : new FilterInfo(name, type, new ImmediateInstanceFactory(instance));
        deployment.addFilter(info.setAsyncSupported(true));
        for (String pattern : urlPatterns) {
            deployment.addFilterUrlMapping(name, pattern, DispatcherType.REQUEST);
            deployment.addFilterUrlMapping(name, pattern, DispatcherType.ASYNC);
        }
    }

    /** A listener from its class. */
    public void listener(Class<? extends EventListener> type) {
        deployment.addListener(new ListenerInfo(type));
    }

    /** An initializer, handed {@code handlesTypes} on startup. */
    public void initializer(Class<? extends ServletContainerInitializer> type, Class<?>[] handlesTypes) {
        deployment.addServletContainerInitializer(
                new ServletContainerInitializerInfo(type, new LinkedHashSet<>(List.of(handlesTypes))));
    }

    /** A context init parameter. */
    public void contextParam(String name, String value) {
        deployment.addInitParameter(name, value);
    }
}
