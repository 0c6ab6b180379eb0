package io.skitai.servlet.internal;

import io.skitai.core.Handler;
import io.skitai.core.MountInfo;
import io.undertow.server.HttpHandler;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletContainer;
import io.undertow.servlet.api.ServletStackTraces;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The undertow-servlet deployments of one servlet app, one per mount, undeployed on stop. */
public final class Deployments {

    private static final System.Logger LOG = System.getLogger("io.skitai.servlet");

    private final List<DeploymentManager> managers = new ArrayList<>();

    /** Deploys the parts at {@code mount} (its point is the context path) and returns the mount's handler. */
    public synchronized Handler deploy(MountInfo mount, ClassLoader loader, List<Consumer<Parts>> parts, String description)
            throws Exception {
        String contextPath = mount.point().isEmpty() ? "/" : mount.point();
        DeploymentInfo info = new DeploymentInfo()
                .setDeploymentName(mount.name() + (mount.hosts().isEmpty() ? "" : " " + mount.hosts()))
                .setContextPath(contextPath)
                .setClassLoader(loader)
                .setDefaultEncoding("UTF-8")
                .setServletStackTraces(ServletStackTraces.NONE)
                .addServletContextAttribute(io.skitai.servlet.ServletApp.SERVER_ATTRIBUTE, mount.server());
        Parts target = new Parts(info);
        for (Consumer<Parts> part : parts) {
            part.accept(target);
        }
        ServletContainer container = io.undertow.servlet.Servlets.newContainer();
        DeploymentManager manager = container.addDeployment(info);
        manager.deploy();
        HttpHandler handler;
        try {
            handler = manager.start();
        } catch (Exception | Error e) {
            manager.undeploy();
            throw e;
        }
        managers.add(manager);
        return new HandOver(new ContextPath(mount.point(), handler), description);
    }

    /** Stops and undeploys every deployment, the last first. */
    public synchronized void undeployAll() {
        for (int i = managers.size() - 1; i >= 0; i--) {
            DeploymentManager manager = managers.get(i);
            try {
                manager.stop();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "the servlet app " + manager.getDeployment().getDeploymentInfo().getDeploymentName()
                        + " failed to stop cleanly", e);
            }
            manager.undeploy();
        }
        managers.clear();
    }
}
