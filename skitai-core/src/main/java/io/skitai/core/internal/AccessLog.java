package io.skitai.core.internal;

import io.skitai.core.TxId;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Formats one request-log line with the fields of the Python original's "Log Format", in order,
 * separated by blanks:
 *
 * <pre>
 * date time client-ip host method uri version request-body-bytes
 * status response-body-bytes gtxid ltxid "username" bearer-token "referer" "user-agent"
 * x-forwarded-for worker-id active-connections handling-ms transfer-ms
 * </pre>
 *
 * <p>Missing values are {@code -}. The bearer token itself is never written (secrets stay out of
 * logs): it is shown as {@code sha256:} and the first 8 hex digits of its digest, enough to tell
 * tokens apart. gtxid and ltxid are the request's {@link TxId} ({@code -} for requests that did not
 * reach the engine's pipeline, such as HTTP→HTTPS forwards).
 */
final class AccessLog implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final LogSink sink;
    private final List<String> prefixes;
    private final List<String> suffixes;
    private volatile String workerId;
    private final IntSupplier activeConnections;
    private volatile Stamp stamp = new Stamp(-1, "");

    private record Stamp(long second, String text) {}

    private final boolean json;

    AccessLog(LogSink sink, List<String> logOff, String workerId, IntSupplier activeConnections,
            io.skitai.core.RequestLogFormat format) {
        this.sink = sink;
        this.json = format == io.skitai.core.RequestLogFormat.JSON_LINES;
        this.prefixes = logOff.stream().filter(p -> !p.startsWith("*")).toList();
        this.suffixes = logOff.stream().filter(p -> p.startsWith("*")).map(p -> p.substring(1)).toList();
        this.workerId = workerId;
        this.activeConnections = activeConnections;
    }

    /** Sets the worker id of the log lines (a spare worker learns its number only when called in). */
    void workerId(String id) {
        this.workerId = id;
    }

    /** Whether requests to this path are logged (see {@code logOff}). */
    boolean logs(String path) {
        for (String p : prefixes) {
            if (path.startsWith(p)) {
                return false;
            }
        }
        for (String s : suffixes) {
            if (path.endsWith(s)) {
                return false;
            }
        }
        return true;
    }

    /** Writes the line of a completed exchange; {@code clientIp} is the peer's address as text. */
    void write(HttpServerExchange ex, String clientIp, long startNanos, long commitNanos, long endNanos) {
        if (json) {
            sink.line(JsonAccessLine.of(ex, timestamp(), clientIp, workerId, activeConnections.getAsInt(),
                    (commitNanos - startNanos) / 1_000_000, (endNanos - commitNanos) / 1_000_000));
            return;
        }
        HeaderMap h = ex.getRequestHeaders();
        StringBuilder b = new StringBuilder(256);
        b.append(timestamp()).append(' ').append(clientIp).append(' ');
        dashed(b, h.getFirst(Headers.HOST)).append(' ');
        b.append(ex.getRequestMethod()).append(' ').append(ex.getRequestURI());
        String query = ex.getQueryString();
        if (!query.isEmpty()) {
            b.append('?').append(query);
        }
        b.append(' ').append(ex.getProtocol()).append(' ');
        b.append(Math.max(ex.getRequestContentLength(), 0)).append(' ');
        b.append(ex.getStatusCode()).append(' ');
        b.append(ex.getResponseBytesSent()).append(' ');
        TxId txid = ex.getAttachment(Transactions.TXID);
        if (txid == null) {
            b.append("- - ");
        } else {
            b.append(txid.gtxid()).append(' ').append(txid.ltxid()).append(' ');
        }
        String auth = h.getFirst(Headers.AUTHORIZATION);
        quoted(b, basicUser(auth)).append(' ');
        b.append(bearerFingerprint(auth)).append(' ');
        quoted(b, h.getFirst(Headers.REFERER)).append(' ');
        quoted(b, h.getFirst(Headers.USER_AGENT)).append(' ');
        dashed(b, h.getFirst(Headers.X_FORWARDED_FOR)).append(' ');
        b.append(workerId).append(' ');
        b.append(activeConnections.getAsInt()).append(' ');
        b.append((commitNanos - startNanos) / 1_000_000).append(' ');
        b.append((endNanos - commitNanos) / 1_000_000);
        sink.line(b);
    }

    /** The text of a peer address, for {@link #write}. */
    static String clientIp(InetSocketAddress peer) {
        return peer == null ? "-" : peer.getAddress().getHostAddress();
    }

    private String timestamp() {
        long now = System.currentTimeMillis();
        long second = now / 1000;
        Stamp s = stamp;
        if (s.second != second) {
            s = new Stamp(second, STAMP.format(Instant.ofEpochSecond(second)));
            stamp = s;
        }
        return s.text;
    }

    private static StringBuilder dashed(StringBuilder b, String v) {
        if (v == null || v.isEmpty()) {
            return b.append('-');
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            b.append(c == ' ' ? '+' : c);
        }
        return b;
    }

    private static StringBuilder quoted(StringBuilder b, String v) {
        if (v == null || v.isEmpty()) {
            return b.append('-');
        }
        b.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append('?');
            } else {
                b.append(c);
            }
        }
        return b.append('"');
    }

    static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String bearerFingerprint(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "-";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            return "-";
        }
    }

    @Override
    public void close() {
        sink.close();
    }
}
