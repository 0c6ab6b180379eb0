package io.skitai.core.internal;

import io.undertow.server.HttpHandler;
import java.util.List;

/**
 * A mount after start: its point, virtual hosts, and the Undertow handler chain that serves it.
 *
 * @param point   mount point without trailing slash ({@code ""} for the root)
 * @param hosts   virtual hosts (empty: any)
 * @param name    the mount's name
 * @param handler what serves requests under the point
 */
record MountedTarget(String point, List<String> hosts, String name, HttpHandler handler) {

    /** Whether the decoded path falls under this mount point. */
    boolean matches(String path) {
        if (point.isEmpty()) {
            return true;
        }
        return path.startsWith(point) && (path.length() == point.length() || path.charAt(point.length()) == '/');
    }
}
