package io.skitai.core;

import java.util.List;
import java.util.Objects;

/**
 * What an {@link App} learns about the place it is mounted at, and the server it runs in (for
 * work done outside a request, such as maintenance tasks calling upstreams or reading shared state).
 *
 * @param point  the mount point without a trailing slash ({@code ""} for the root)
 * @param hosts  the virtual hosts it serves (empty: every host)
 * @param name   the mount's name
 * @param pref   the preferences in force for this mount
 * @param server the running server the app is mounted on
 */
public record MountInfo(String point, List<String> hosts, String name, Pref pref, ServerContext server) {

    /** Freezes the host list. */
    public MountInfo {
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(server, "server");
    }

    /**
     * A mount outside any running server (an app started by hand, in a test): its {@link #server()}
     * refuses every operation with an {@link IllegalStateException}.
     */
    public MountInfo(String point, List<String> hosts, String name, Pref pref) {
        this(point, hosts, name, pref, io.skitai.core.internal.DetachedServer.INSTANCE);
    }
}
