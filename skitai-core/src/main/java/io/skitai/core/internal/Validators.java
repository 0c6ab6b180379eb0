package io.skitai.core.internal;

import io.undertow.util.DateUtils;
import java.util.Date;

/**
 * HTTP validators of static files and the conditional headers that test them (RFC 9110 §8.8,
 * §13). The entity tag is {@code "<size hex>-<mtime ns hex>"}: it changes whenever the size or the
 * modification time does, which is what the file cache checks too, so it is used as a strong
 * validator. Last-Modified has one-second precision, as HTTP dates do.
 */
final class Validators {

    private Validators() {}

    /** The entity tag of a file of this size and modification time. */
    static String etag(long size, long modifiedNanos) {
        return "\"" + Long.toHexString(size) + "-" + Long.toHexString(modifiedNanos) + "\"";
    }

    /** An HTTP date (IMF-fixdate) for epoch seconds. */
    static String httpDate(long epochSeconds) {
        return DateUtils.toDateString(new Date(epochSeconds * 1000));
    }

    /** Epoch seconds of an HTTP date in any of the three formats HTTP allows; -1 when unparsable. */
    static long parseHttpDate(String value) {
        if (value == null) {
            return -1;
        }
        try {
            Date d = DateUtils.parseDate(value.strip());
            return d == null ? -1 : Math.floorDiv(d.getTime(), 1000);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /**
     * Whether an {@code If-None-Match} list matches {@code etag} by weak comparison ({@code W/}
     * prefixes ignored); {@code *} matches any existing file. An unparsable list matches nothing.
     */
    static boolean noneMatchHits(String ifNoneMatch, String etag) {
        String s = ifNoneMatch;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            if (c == '*') {
                return true;
            }
            boolean weak = s.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            if (open >= n || s.charAt(open) != '"') {
                return false;
            }
            int close = s.indexOf('"', open + 1);
            if (close < 0) {
                return false;
            }
            if (s.regionMatches(open, etag, 0, etag.length()) && close + 1 - open == etag.length()) {
                return true;
            }
            i = close + 1;
        }
        return false;
    }

    /** Whether {@code If-Modified-Since} says the client's copy is current (modified at or before it). */
    static boolean notModifiedSince(String ifModifiedSince, long modifiedSeconds) {
        long since = parseHttpDate(ifModifiedSince);
        return since >= 0 && modifiedSeconds <= since;
    }

    /**
     * Whether {@code If-Range} lets a range be served: an entity tag must equal ours by strong
     * comparison (a weak tag never does), a date must equal our Last-Modified exactly. Absent:
     * true.
     */
    static boolean ifRangeHolds(String ifRange, String etag, long modifiedSeconds) {
        if (ifRange == null) {
            return true;
        }
        String v = ifRange.strip();
        if (v.startsWith("\"") || v.startsWith("W/")) {
            return v.equals(etag);
        }
        long date = parseHttpDate(v);
        return date >= 0 && date == modifiedSeconds;
    }
}
