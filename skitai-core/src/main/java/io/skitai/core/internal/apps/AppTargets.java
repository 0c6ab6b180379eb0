package io.skitai.core.internal.apps;

import io.skitai.core.Mount;
import io.skitai.core.Pref;
import io.skitai.core.StartupException;
import io.skitai.core.internal.Messages;
import io.skitai.core.internal.process.ProcessRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mount targets that are apps found elsewhere: a {@code Path} to a {@code .jar} file (an app
 * jar, in its own class loader) and an {@link ExportedTarget}. Both become {@link io.skitai.core.App}s.
 */
public final class AppTargets {

    private AppTargets() {}

    /** Whether {@code target} is a path to an app jar (a {@code .jar} name that is not a directory). */
    public static boolean isJar(Object target) {
        return target instanceof Path p && p.getFileName() != null
                && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar") && !Files.isDirectory(p);
    }

    /**
     * The app for a jar or exported target ({@code target} itself otherwise). A jar is watched
     * when {@code pref} or {@code --skitai-reload} asks, unless this is a worker (its master rolls
     * the workers instead).
     */
    public static Object resolve(String point, Object target, Pref pref, boolean reloadFlag) {
        if (isJar(target)) {
            Path jar = ((Path) target).toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new StartupException(Messages.appJarMissing(point, jar));
            }
            boolean watch = (reloadFlag || pref.useReloader()) && !ProcessRole.current().isWorker();
            return new JarMount(point, jar, watch, pref.reloadInterval());
        }
        if (target instanceof ExportedTarget exported) {
            return new ExportedMount(ExportedApps.find(point, exported));
        }
        return target;
    }

    /** The app jars a master watches to roll its workers, when any mount asks for the reloader. */
    public static List<Path> watchedJars(List<Mount> mounts, Pref enginePref, boolean reloadFlag) {
        List<Path> jars = new ArrayList<>();
        for (Mount m : mounts) {
            Optional<Pref> own = m.pref();
            if (isJar(m.target()) && (reloadFlag || own.orElse(enginePref).useReloader())) {
                jars.add(((Path) m.target()).toAbsolutePath());
            }
        }
        return jars;
    }
}
