package io.skitai.core;

import java.util.List;

/**
 * What an {@link App} learns about the place it is mounted at.
 *
 * @param point the mount point without a trailing slash ({@code ""} for the root)
 * @param hosts the virtual hosts it serves (empty: every host)
 * @param name  the mount's name
 * @param pref  the preferences in force for this mount
 */
public record MountInfo(String point, List<String> hosts, String name, Pref pref) {

    /** Freezes the host list. */
    public MountInfo {
        hosts = List.copyOf(hosts);
    }
}
