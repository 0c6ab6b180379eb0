package io.skitai.core.internal.apps;

import io.skitai.core.ExportedApp;
import io.skitai.core.StartupException;
import io.skitai.core.internal.Messages;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Finds {@link ExportedApp}s: on the class path by name or class, or declared by one app jar. */
final class ExportedApps {

    private ExportedApps() {}

    /** The exported app {@code target} names, from the context class loader. */
    static ExportedApp find(String point, ExportedTarget target) {
        if (target.type().isPresent()) {
            return instantiate(point, target.type().get());
        }
        String name = target.name().orElseThrow();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        TreeSet<String> names = new TreeSet<>();
        for (ServiceLoader.Provider<ExportedApp> p : providers(loader)) {
            ExportedApp app = create(point, p);
            if (name.equals(app.name())) {
                return app;
            }
            names.add(app.name());
        }
        throw new StartupException(Messages.unknownExportedApp(point, name, names));
    }

    /** The exported apps a jar's own loader declares (not its parents'). */
    static List<ExportedApp> declaredBy(String point, ClassLoader jarLoader) {
        return providers(jarLoader).stream()
                .filter(p -> p.type().getClassLoader() == jarLoader)
                .map(p -> create(point, p))
                .toList();
    }

    private static List<ServiceLoader.Provider<ExportedApp>> providers(ClassLoader loader) {
        try {
            return ServiceLoader.load(ExportedApp.class, loader).stream().toList();
        } catch (java.util.ServiceConfigurationError e) {
            throw new StartupException(Messages.exportedAppBroken("?", e.getMessage()), e);
        }
    }

    private static ExportedApp create(String point, ServiceLoader.Provider<ExportedApp> p) {
        try {
            return p.get();
        } catch (java.util.ServiceConfigurationError e) {
            throw new StartupException(Messages.exportedAppBroken(point, e.getMessage()), e);
        }
    }

    static ExportedApp instantiate(String point, Class<? extends ExportedApp> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new StartupException(Messages.exportedAppBroken(point,
                    type.getName() + " needs a public no-argument constructor (" + e + ")"), e);
        }
    }
}
