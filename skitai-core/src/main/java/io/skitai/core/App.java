package io.skitai.core;

/**
 * An application that can be mounted: the engine calls {@link #start(MountInfo)} once when the
 * server starts, routes every request under the mount point to the handler it returns, and calls
 * {@link #stop()} when the server stops. Frameworks (Atila) implement this; a plain function is
 * mounted as a {@link Handler} instead.
 */
public interface App {

    /** Prepares the app for serving at a mount and returns its handler. */
    Handler start(MountInfo mount) throws Exception;

    /** Releases what {@link #start(MountInfo)} acquired; called once, on shutdown. */
    default void stop() throws Exception {}

    /**
     * When the reloader replaces this app with a new version (loaded from a changed jar): called on
     * the old app before the new one starts. The old app still serves its requests in flight, and
     * is stopped after them.
     */
    default void beforeReload(MountInfo mount) throws Exception {}

    /** When the reloader replaced an older version with this app: called after it started, before it serves. */
    default void reloaded(MountInfo mount) throws Exception {}
}
