package io.skitai.core.internal.apps;

import io.skitai.core.App;
import io.skitai.core.ExportedApp;
import io.skitai.core.Handler;
import io.skitai.core.StartupException;
import io.skitai.core.internal.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Manifest;

/**
 * Finds the app in an app jar: the class its manifest names in {@value #ATTRIBUTE} (an
 * {@link App}, a {@link Handler} or an {@link ExportedApp}, with a public no-argument
 * constructor), else the one {@link ExportedApp} the jar declares in {@code META-INF/services}.
 */
final class JarEntryPoint {

    /** The manifest attribute naming the app class. */
    static final String ATTRIBUTE = "Skitai-App";

    private JarEntryPoint() {}

    /** The app, loaded by {@code loader} (whose own classes are the jar's). */
    static App find(String point, Path jar, Manifest manifest, ClassLoader loader) throws Exception {
        String className = manifest == null ? null : manifest.getMainAttributes().getValue(ATTRIBUTE);
        if (className != null && !className.isBlank()) {
            return fromClass(point, jar, Class.forName(className.strip(), true, loader));
        }
        List<ExportedApp> declared = ExportedApps.declaredBy(point, loader);
        if (declared.size() == 1) {
            return new ExportedMount(declared.get(0));
        }
        throw new StartupException(Messages.noJarEntryPoint(point, jar, declared.stream().map(ExportedApp::name).toList()));
    }

    private static App fromClass(String point, Path jar, Class<?> type) throws Exception {
        Object instance;
        try {
            instance = type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new StartupException(Messages.noJarEntryPoint(point, jar,
                    List.of(type.getName() + " has no public no-argument constructor")), e);
        }
        if (instance instanceof ExportedApp exported) {
            return new ExportedMount(exported);
        }
        if (instance instanceof App app) {
            return app;
        }
        if (instance instanceof Handler handler) {
            return mount -> handler;
        }
        throw new StartupException(Messages.noJarEntryPoint(point, jar,
                List.of(type.getName() + " is not an App, a Handler or an ExportedApp")));
    }
}
