package io.skitai.core.internal.apps;

import io.skitai.core.App;
import io.skitai.core.Exchange;
import io.skitai.core.Handler;
import io.skitai.core.HttpError;
import io.skitai.core.MountInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An app jar mounted at a point: serves the app of the current {@link AppVersion} and, with the
 * reloader on, replaces it when the jar changes. A reload loads the new jar in a new class loader,
 * calls the old app's {@link App#beforeReload}, starts the new app and calls its
 * {@link App#reloaded}; only then do new requests go to it, while those in flight finish on the
 * old version, which closes after them. A jar that does not load, or an app whose start or hooks
 * throw, leaves the old version serving and is logged.
 */
public final class JarMount implements App {

    private static final System.Logger LOG = System.getLogger("io.skitai.core");

    private final String point;
    private final Path jar;
    private final boolean watch;
    private final Duration interval;
    private final AtomicReference<AppVersion> current = new AtomicReference<>();
    private int generation;
    private MountInfo mount;
    private Reloader reloader;

    /** A mount of {@code jar}, watched every {@code interval} when {@code watch}. */
    JarMount(String point, Path jar, boolean watch, Duration interval) {
        this.point = point;
        this.jar = jar;
        this.watch = watch;
        this.interval = interval;
    }

    @Override
    public synchronized Handler start(MountInfo mount) throws Exception {
        this.mount = mount;
        FileWatch files = new FileWatch(List.of(jar));
        AppVersion first = AppVersion.open(point, jar, ++generation);
        try {
            first.start(mount);
        } catch (Exception | LinkageError e) {
            first.retire();
            throw e;
        }
        current.set(first);
        if (watch) {
            reloader = Reloader.start(jar.getFileName() + " at '" + mount.point() + "/'", files, interval, this::reload);
        }
        return this::handle;
    }

    private void handle(Exchange exchange) throws Exception {
        AppVersion v;
        do {
            v = current.get();
            if (v == null) {
                throw new HttpError(503, "the app at '" + point + "/' has stopped");
            }
        } while (!v.enter());
        exchange.onComplete(v::leave);
        v.handle(exchange);
    }

    /**
     * Loads the jar again and swaps the new version in; false (the old one keeps serving, the reason
     * logged) when it cannot load or start.
     */
    public synchronized boolean reload() {
        AppVersion old = current.get();
        if (old == null) {
            return false;
        }
        AppVersion fresh;
        try {
            fresh = AppVersion.open(point, jar, generation + 1);
        } catch (Exception | LinkageError e) {
            return keptOld(old, "it does not load", e);
        }
        generation++;
        try {
            old.call(() -> {
                old.app().beforeReload(mount);
                return null;
            });
        } catch (Exception | LinkageError e) {
            fresh.retire();
            return keptOld(old, "the old app's beforeReload threw", e);
        }
        try {
            fresh.start(mount);
            fresh.call(() -> {
                fresh.app().reloaded(mount);
                return null;
            });
        } catch (Exception | LinkageError e) {
            fresh.retire();
            return keptOld(old, "the new app failed to start", e);
        }
        current.set(fresh);
        old.retire();
        LOG.log(System.Logger.Level.INFO, "reloaded {0} at ''{1}/'': version {2} serves, version {3} closes after its requests",
                jar, point, fresh, old);
        return true;
    }

    private boolean keptOld(AppVersion old, String why, Throwable e) {
        LOG.log(System.Logger.Level.ERROR, io.skitai.core.internal.Messages.reloadFailed(point, jar, why, "version " + old)
                + ": " + e, e);
        return false;
    }

    @Override
    public synchronized void stop() {
        if (reloader != null) {
            reloader.close();
            reloader = null;
        }
        AppVersion v = current.getAndSet(null);
        if (v != null) {
            v.retire();
        }
    }

    @Override
    public String toString() {
        return "JarMount(" + jar + (watch ? ", reloading every " + interval.toMillis() + " ms" : "") + ")";
    }
}
