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

    private static final Pattern GTXID = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");
    private static final Pattern LTXID = Pattern.compile("[1-9][0-9]{3,9}");

    private final String gtxid;
    private final String ltxid;
    private final AtomicInteger calls = new AtomicInteger();

    private TxId(String gtxid, String ltxid) {
        this.gtxid = gtxid;
        this.ltxid = ltxid;
    }

    /** The ids of a client's request: {@code gtxid} and {@code 1000}. */
    public static TxId root(String gtxid) {
        return new TxId(gtxid, ROOT_LTXID);
    }

    /**
     * The ids carried by a request's headers when well-formed (a gtxid of up to 64 letters, digits
     * and {@code ._:-}; an ltxid of 4 to 10 digits), else {@code fallback}'s. A gtxid without an
     * ltxid continues at {@code 1000}.
     */
    public static TxId continued(String gtxidHeader, String ltxidHeader, String fallbackGtxid) {
        if (gtxidHeader == null || !GTXID.matcher(gtxidHeader).matches()) {
            return root(fallbackGtxid);
        }
        String l = ltxidHeader != null && LTXID.matcher(ltxidHeader).matches() ? ltxidHeader : ROOT_LTXID;
        return new TxId(gtxidHeader, l);
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
