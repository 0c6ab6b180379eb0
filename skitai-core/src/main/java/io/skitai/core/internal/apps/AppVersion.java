package io.skitai.core.internal.apps;

import io.skitai.core.App;
import io.skitai.core.Exchange;
import io.skitai.core.Handler;
import io.skitai.core.MountInfo;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * One loaded version of an app jar: a private copy of the jar (so the file may be replaced while
 * this version serves), its own class loader whose parent is the engine's, and the app found in
 * it. Counts the requests it serves: once {@link #retire() retired} and the last one finished,
 * the app is stopped, the loader closed and the copy deleted, so nothing keeps its classes.
 */
final class AppVersion {

    private static final System.Logger LOG = System.getLogger("io.skitai.core");

    private final String label;
    private final Path copy;
    private final URLClassLoader loader;
    private final App app;
    private final AtomicInteger users = new AtomicInteger(1);
    private volatile Handler handler;
    private volatile boolean started;

    private AppVersion(String label, Path copy, URLClassLoader loader, App app) {
        this.label = label;
        this.copy = copy;
        this.loader = loader;
        this.app = app;
    }

    /** Copies {@code jar}, loads it and finds its app; nothing is left behind when that fails. */
    static AppVersion open(String point, Path jar, int generation) throws Exception {
        Path copy = Files.createTempFile("skitai-app-", "-" + jar.getFileName());
        URLClassLoader loader = null;
        try {
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            Manifest manifest;
            try (JarFile file = new JarFile(copy.toFile())) {
                manifest = file.getManifest();
            }
            String label = jar.getFileName() + "#" + generation;
            URLClassLoader own = new URLClassLoader("skitai-app " + label, urls(jar, copy, manifest),
                    App.class.getClassLoader());
            loader = own;
            App app = withLoader(own, () -> JarEntryPoint.find(point, jar, manifest, own));
            return new AppVersion(label, copy, own, app);
        } catch (Exception | LinkageError e) {
            closeQuietly(loader);
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    /** The copy first, then the jars its manifest's Class-Path names, beside the original jar. */
    private static URL[] urls(Path jar, Path copy, Manifest manifest) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(copy.toUri().toURL());
        String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
        if (classPath != null) {
            Path dir = jar.toAbsolutePath().getParent();
            for (String entry : classPath.strip().split("\\s+")) {
                if (!entry.isEmpty()) {
                    urls.add(dir.resolve(entry).toUri().toURL());
                }
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** Starts the app at {@code mount} with the jar's loader as the context class loader. */
    Handler start(MountInfo mount) throws Exception {
        Handler h = withLoader(loader, () -> app.start(mount));
        started = true;
        handler = h;
        return h;
    }

    /** The app of this version. */
    App app() {
        return app;
    }

    /** Runs {@code work} with this version's loader as the context class loader. */
    <T> T call(Step<T> work) throws Exception {
        return withLoader(loader, work);
    }

    /** Serves one request; the caller {@link #enter() entered} and leaves when the exchange completes. */
    void handle(Exchange exchange) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            handler.handle(exchange);
        } finally {
            t.setContextClassLoader(before);
        }
    }

    /** Counts one more request; false when this version has already closed. */
    boolean enter() {
        while (true) {
            int n = users.get();
            if (n <= 0) {
                return false;
            }
            if (users.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** One request finished. */
    void leave() {
        if (users.decrementAndGet() == 0) {
            Thread.ofVirtual().name("skitai-app-close " + label).start(this::close);
        }
    }

    /** No new requests come here; closes now when none is in flight, else after the last one. */
    void retire() {
        if (users.decrementAndGet() == 0) {
            close();
        }
    }

    private void close() {
        if (started) {
            try {
                withLoader(loader, () -> {
                    app.stop();
                    return null;
                });
            } catch (Exception | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "stopping the app of " + label + " failed", e);
            }
        }
        handler = null;
        closeQuietly(loader);
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete " + copy + ": " + e.getMessage());
        }
        LOG.log(System.Logger.Level.DEBUG, "{0} closed", label);
    }

    private static void closeQuietly(URLClassLoader loader) {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "closing " + loader.getName() + ": " + e.getMessage());
            }
        }
    }

    private static <T> T withLoader(ClassLoader loader, Step<T> work) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return work.run();
        } finally {
            t.setContextClassLoader(before);
        }
    }

    /** A step run with a version's loader. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws Exception;
    }

    @Override
    public String toString() {
        return label;
    }
}
