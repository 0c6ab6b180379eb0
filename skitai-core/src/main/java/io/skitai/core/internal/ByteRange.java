package io.skitai.core.internal;

/**
 * A {@code Range} request header evaluated against a representation's size (RFC 9110 §14).
 *
 * <p>One range ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}) yields {@link Kind#PARTIAL}
 * with the inclusive first and last byte, clamped to the size. A range that starts at or beyond
 * the end, a suffix of zero bytes, or any range of an empty file yields {@link Kind#UNSATISFIABLE}
 * (416). A header that is not a valid {@code bytes} range set, or that asks for several ranges,
 * yields {@link Kind#FULL}: the RFC lets a server ignore {@code Range} and answer 200 with the
 * whole representation, which spares us {@code multipart/byteranges} and its abuse (many
 * overlapping ranges of one file).
 *
 * @param kind  what to answer
 * @param first first byte (inclusive), for {@link Kind#PARTIAL}
 * @param last  last byte (inclusive), for {@link Kind#PARTIAL}
 */
record ByteRange(Kind kind, long first, long last) {

    /** How to answer a ranged request. */
    enum Kind { FULL, PARTIAL, UNSATISFIABLE }

    static final ByteRange FULL = new ByteRange(Kind.FULL, 0, -1);
    static final ByteRange UNSATISFIABLE = new ByteRange(Kind.UNSATISFIABLE, 0, -1);

    /** The number of bytes a partial answer carries. */
    long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value of a partial answer. */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** Evaluates a {@code Range} header value for a representation of {@code size} bytes. */
    static ByteRange parse(String header, long size) {
        if (header == null) {
            return FULL;
        }
        String h = header.strip();
        int eq = h.indexOf('=');
        if (eq < 0 || !h.substring(0, eq).strip().equalsIgnoreCase("bytes")) {
            return FULL;
        }
        String spec = h.substring(eq + 1).strip();
        if (spec.indexOf(',') >= 0) {
            return FULL;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return FULL;
        }
        String a = spec.substring(0, dash).strip();
        String b = spec.substring(dash + 1).strip();
        if (a.isEmpty()) {
            long suffix = digits(b);
            if (suffix < 0) {
                return FULL;
            }
            if (suffix == 0 || size == 0) {
                return UNSATISFIABLE;
            }
            return new ByteRange(Kind.PARTIAL, Math.max(0, size - suffix), size - 1);
        }
        long first = digits(a);
        if (first < 0) {
            return FULL;
        }
        long last;
        if (b.isEmpty()) {
            last = Long.MAX_VALUE;
        } else {
            last = digits(b);
            if (last < 0 || last < first) {
                return FULL;
            }
        }
        if (first >= size) {
            return UNSATISFIABLE;
        }
        return new ByteRange(Kind.PARTIAL, first, Math.min(last, size - 1));
    }

    /** A non-negative decimal, saturating at {@link Long#MAX_VALUE}; -1 when not all digits. */
    private static long digits(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : v * 10 + (c - '0');
        }
        return v;
    }
}
