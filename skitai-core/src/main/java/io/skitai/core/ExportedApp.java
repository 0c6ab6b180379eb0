package io.skitai.core;

/**
 * An app a library exports for Skitai to mount (Python's {@code __export__}): declare the
 * implementation in {@code META-INF/services/io.skitai.core.ExportedApp} and users mount it by
 * name, {@code Skitai.mount("/v1", "pets", pref)}, or by class,
 * {@code Skitai.mount("/v1", PetsExport.class, pref)}. An app jar mounted by its path may declare
 * its app the same way.
 *
 * <p>At start the engine calls {@link #bootstrap(Pref)} with a copy of the mount's preferences
 * (turn simple user settings into what the app needs, e.g. read a file named in
 * {@code pref.config()}), then starts {@link #app()} with that copy.
 */
public interface ExportedApp {

    /** The name users mount it by, e.g. {@code "pets"}. */
    String name();

    /** Prepares the mount's preferences before the app starts; does nothing by default. */
    default void bootstrap(Pref pref) throws Exception {}

    /** The app to mount: an Atila app, or a handler as {@code mount -> handler}. */
    App app() throws Exception;
}
