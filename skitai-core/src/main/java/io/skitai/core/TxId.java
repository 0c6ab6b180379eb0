package io.skitai.core;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The transaction ids of one request, for tracing a call through several services (Python's
 * gtxid/ltxid). The global id ({@link #gtxid()}, e.g. {@code GTID-C4676-R67}) is made when a
 * client's request arrives and never changes along the chain; the local id ({@link #ltxid()}) is
 * {@code 1000} for the client's request and, for the upstream calls made while serving it, the
 * depth digit plus one followed by a sequence: a request with {@code 1000} calls out as
 * {@code 2001}, {@code 2002}...; the one with {@code 2001} calls out as {@code 3002}, {@code 3003}...
 * Both travel in the {@value #GTXID_HEADER} and {@value #LTXID_HEADER} request headers, are
 * continued from them when they arrive (well-formed ones only) and are written into the request log.
 */
public final class TxId {

    /** The request header carrying the global id. */
    public static final String GTXID_HEADER = "X-Gtxid";
    /** The request header carrying the local id. */
    public static final String LTXID_HEADER = "X-Ltxid";
    /** The local id of a client's request. */
    public static final String ROOT_LTXID = "1000";
    /** The W3C Trace Context header, accepted and sent on with the ids. */
    public static final String TRACEPARENT_HEADER = "traceparent";

    private static final Pattern GTXID = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");
    private static final Pattern LTXID = Pattern.compile("[1-9][0-9]{3,9}");
    /** version 00, a trace id and a parent id that are not all zeros, flags (W3C Trace Context 3.2). */
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String ZERO_TRACE = "0".repeat(32);

    private final String gtxid;
    private final String ltxid;
    private final String traceId;
    private final String traceFlags;
    private final AtomicInteger calls = new AtomicInteger();

    private TxId(String gtxid, String ltxid, String traceId, String traceFlags) {
        this.gtxid = gtxid;
        this.ltxid = ltxid;
        this.traceId = traceId;
        this.traceFlags = traceFlags;
    }

    /** The ids of a client's request: {@code gtxid} and {@code 1000}, in a new trace. */
    public static TxId root(String gtxid) {
        return new TxId(gtxid, ROOT_LTXID, newTraceId(), "00");
    }

    /**
     * The ids carried by a request's headers when well-formed (a gtxid of up to 64 letters, digits
     * and {@code ._:-}; an ltxid of 4 to 10 digits), else {@code fallback}'s. A gtxid without an
     * ltxid continues at {@code 1000}.
     */
    public static TxId continued(String gtxidHeader, String ltxidHeader, String fallbackGtxid) {
        return continued(gtxidHeader, ltxidHeader, null, fallbackGtxid);
    }

    /**
     * As {@link #continued(String, String, String)}, joining the W3C trace of a well-formed
     * {@code traceparent}: its trace id is kept and sent on, and without an {@code X-Gtxid} it is the
     * gtxid too, so the request logs of every hop show it. Without one, a new trace starts.
     */
    public static TxId continued(String gtxidHeader, String ltxidHeader, String traceparent, String fallbackGtxid) {
        java.util.regex.Matcher t = traceparent == null ? null : TRACEPARENT.matcher(traceparent.strip());
        boolean traced = t != null && t.matches() && !t.group(1).equals(ZERO_TRACE) && !t.group(2).equals("0".repeat(16));
        String traceId = traced ? t.group(1) : newTraceId();
        String flags = traced ? t.group(3) : "00";
        if (gtxidHeader == null || !GTXID.matcher(gtxidHeader).matches()) {
            return new TxId(traced ? traceId : fallbackGtxid, ROOT_LTXID, traceId, flags);
        }
        String l = ltxidHeader != null && LTXID.matcher(ltxidHeader).matches() ? ltxidHeader : ROOT_LTXID;
        return new TxId(gtxidHeader, l, traceId, flags);
    }

    /** The W3C trace id this request belongs to (32 hex digits). */
    public String traceId() {
        return traceId;
    }

    /** A {@code traceparent} for an upstream call: this trace, a new span id, the flags that came in. */
    public String nextTraceparent() {
        return "00-" + traceId + "-" + String.format("%016x", spanId()) + "-" + traceFlags;
    }

    private static long spanId() {
        long id;
        do {
            id = java.util.concurrent.ThreadLocalRandom.current().nextLong();
        } while (id == 0);
        return id;
    }

    private static String newTraceId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return String.format("%016x%016x", r.nextLong(), r.nextLong() | 1);
    }

    /** The global transaction id. */
    public String gtxid() {
        return gtxid;
    }

    /** This request's local transaction id. */
    public String ltxid() {
        return ltxid;
    }

    /** The local id of this request's next upstream call (thread-safe): depth + 1, sequence + n. */
    public String nextLtxid() {
        int n = calls.incrementAndGet();
        int depth = Math.min(9, ltxid.charAt(0) - '0' + 1);
        String rest = ltxid.substring(1);
        long sequence = Long.parseLong(rest) + n;
        String digits = Long.toString(sequence);
        StringBuilder out = new StringBuilder(1 + Math.max(rest.length(), digits.length())).append(depth);
        for (int pad = rest.length() - digits.length(); pad > 0; pad--) {
            out.append('0');
        }
        return out.append(digits).toString();
    }

    @Override
    public String toString() {
        return gtxid + " " + ltxid;
    }
}
