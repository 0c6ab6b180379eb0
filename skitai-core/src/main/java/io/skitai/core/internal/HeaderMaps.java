package io.skitai.core.internal;

import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Undertow header maps as the plain maps core's public types take, and a Content-Length read leniently. */
public final class HeaderMaps {

    private HeaderMaps() {}

    /** Every header of {@code from}, by name in any case, unmodifiable. */
    public static Map<String, List<String>> toMap(HeaderMap from) {
        Map<String, List<String>> to = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HeaderValues values : from) {
            to.computeIfAbsent(values.getHeaderName().toString(), k -> new ArrayList<>(values.size())).addAll(values);
        }
        return Collections.unmodifiableMap(to);
    }

    /** A Content-Length value, or -1 when it is missing or not a number. */
    public static long contentLength(String length) {
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
