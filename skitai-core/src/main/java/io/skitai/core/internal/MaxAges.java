package io.skitai.core.internal;

import java.util.Comparator;
import java.util.Map;

/**
 * The {@code Cache-Control: max-age} rules set with {@code setMaxAge(path, seconds)}: URL paths
 * without trailing slash ({@code ""} for the root) mapped to seconds. A request's full URL path
 * takes the rule of the longest path that prefixes it on a segment boundary ({@code /js} covers
 * {@code /js} and {@code /js/app.js}, not {@code /json}); with no rule there is no Cache-Control.
 */
final class MaxAges {

    /** No rule applies. */
    static final long NONE = -1;

    private final String[] paths;
    private final long[] seconds;

    MaxAges(Map<String, Long> rules) {
        this.paths = rules.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toArray(String[]::new);
        this.seconds = new long[paths.length];
        for (int i = 0; i < paths.length; i++) {
            seconds[i] = rules.get(paths[i]);
        }
    }

    /** Seconds of max-age for a full URL path, or {@link #NONE}. */
    long forPath(String urlPath) {
        for (int i = 0; i < paths.length; i++) {
            String p = paths[i];
            if (urlPath.startsWith(p) && (urlPath.length() == p.length() || urlPath.charAt(p.length()) == '/')) {
                return seconds[i];
            }
        }
        return NONE;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("max-age{");
        for (int i = 0; i < paths.length; i++) {
            b.append(i == 0 ? "" : ", ").append(paths[i].isEmpty() ? "/" : paths[i]).append('=').append(seconds[i]);
        }
        return b.append('}').toString();
    }
}
