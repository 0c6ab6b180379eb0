package io.skitai.core.internal.apps;

import io.skitai.core.App;
import io.skitai.core.ExportedApp;
import io.skitai.core.Handler;
import io.skitai.core.MountInfo;
import io.skitai.core.Pref;

/**
 * Mounts an {@link ExportedApp}: bootstraps a copy of the mount's preferences, then starts the
 * exported app with them.
 */
final class ExportedMount implements App {

    private final ExportedApp exported;
    private App app;
    private MountInfo mount;

    ExportedMount(ExportedApp exported) {
        this.exported = exported;
    }

    @Override
    public synchronized Handler start(MountInfo outer) throws Exception {
        Pref pref = outer.pref().copy();
        exported.bootstrap(pref);
        mount = new MountInfo(outer.point(), outer.hosts(), outer.name(), pref, outer.server());
        app = exported.app();
        if (app == null) {
            throw new IllegalStateException(exported.getClass().getName() + ".app() returned null");
        }
        return app.start(mount);
    }

    @Override
    public synchronized void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
    }

    @Override
    public synchronized void beforeReload(MountInfo outer) throws Exception {
        if (app != null) {
            app.beforeReload(mount);
        }
    }

    @Override
    public synchronized void reloaded(MountInfo outer) throws Exception {
        if (app != null) {
            app.reloaded(mount);
        }
    }

    @Override
    public String toString() {
        return "ExportedMount(" + exported.name() + ")";
    }
}
