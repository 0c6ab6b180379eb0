package io.skitai.core;

import io.skitai.core.internal.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The mounting half of a {@link ServerBuilder}: what is served at which mount point (handlers,
 * static folders, app jars, exported apps, apps and class names). Every mount is refused once the
 * builder is built.
 */
public abstract sealed class MountTable permits ServerBuilder {

    private final List<Mount> mounts = new ArrayList<>();

    MountTable() {}

    /** Refuses a change to a built configuration, naming {@code setting}. */
    abstract void open(String setting);

    /** The mounts so far, in order. */
    List<Mount> mounts() {
        return mounts;
    }

    /** Mounts a handler (the WSGI-callable analog): it sees its mount point as {@code mountPoint()}. */
    public Mount mount(String point, Handler handler) {
        open("mount");
        return add(new Mount(point, handler));
    }

    /**
     * Mounts a static directory, or an app jar when {@code directory} names a {@code .jar} file: the
     * app loads in its own class loader (so two versions of one app can be mounted side by side),
     * found by the {@code Skitai-App} attribute of its manifest (an {@link App}, {@link Handler} or
     * {@link ExportedApp} class) or the one {@link ExportedApp} it declares. With
     * {@link Pref#useReloader(boolean)} the mount reloads when the jar changes.
     */
    public Mount mount(String point, Path directory) {
        open("mount");
        return add(new Mount(point, directory));
    }

    /**
     * Mounts a target named by a string: the class name of a {@link Handler} or {@link App} with a
     * public no-argument constructor. (Aliases such as {@code "@members"} arrive with the was module.)
     */
    public Mount mount(String point, String target) {
        open("mount");
        return add(new Mount(point, target));
    }

    /**
     * Mounts the {@link ExportedApp} a library on the class path exports under {@code exportedName}
     * (Python's {@code mount("/v1", module, "app", pref)}), with {@code pref} bootstrapped by it.
     * An unknown name fails the start with a message listing the exported ones.
     */
    public Mount mount(String point, String exportedName, Pref pref) {
        open("mount");
        return add(new Mount(point, io.skitai.core.internal.apps.ExportedTarget.named(exportedName))).pref(pref);
    }

    /** Mounts the {@link ExportedApp} of this class (public, no-argument constructor) with {@code pref}. */
    public Mount mount(String point, Class<? extends ExportedApp> exported, Pref pref) {
        open("mount");
        return add(new Mount(point, io.skitai.core.internal.apps.ExportedTarget.of(exported))).pref(pref);
    }

    /**
     * Mounts an {@link App} (an Atila app), or anything the overloads above take. A raw Undertow
     * {@code io.undertow.server.HttpHandler} is accepted too, as the one documented exception: it
     * runs on the IO thread as in Undertow, outside Skitai's error boundary, handler threads,
     * filters and body limits.
     *
     * @throws IllegalArgumentException for any other kind of target, naming the kinds accepted
     */
    public Mount mount(String point, Object target) {
        open("mount");
        if (!(target instanceof Handler || target instanceof App || target instanceof Path || target instanceof String
                || target instanceof io.undertow.server.HttpHandler)) {
            throw new IllegalArgumentException(Messages.unknownTarget(point, target));
        }
        return add(new Mount(point, target));
    }

    private Mount add(Mount mount) {
        mounts.add(mount);
        return mount;
    }
}
