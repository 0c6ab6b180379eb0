package io.skitai.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.skitai.core.TxId;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** One request-log line as a JSON object, the fields of {@link AccessLog}'s text line by name. */
final class JsonAccessLine {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonAccessLine() {}

    static String of(HttpServerExchange ex, String stamp, String clientIp, String worker, int connections,
            long handlingMs, long transferMs) {
        HeaderMap h = ex.getRequestHeaders();
        TxId txid = ex.getAttachment(Transactions.TXID);
        String auth = h.getFirst(Headers.AUTHORIZATION);
        String query = ex.getQueryString();
        StringWriter out = new StringWriter(320);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("date", stamp.substring(0, 10));
            g.writeStringField("time", stamp.substring(11));
            g.writeStringField("clientIp", clientIp);
            g.writeStringField("host", h.getFirst(Headers.HOST));
            g.writeStringField("method", ex.getRequestMethod().toString());
            g.writeStringField("uri", query.isEmpty() ? ex.getRequestURI() : ex.getRequestURI() + "?" + query);
            g.writeStringField("version", ex.getProtocol().toString());
            g.writeNumberField("requestBytes", Math.max(ex.getRequestContentLength(), 0));
            g.writeNumberField("status", ex.getStatusCode());
            g.writeNumberField("responseBytes", ex.getResponseBytesSent());
            g.writeStringField("gtxid", txid == null ? null : txid.gtxid());
            g.writeStringField("ltxid", txid == null ? null : txid.ltxid());
            g.writeStringField("username", AccessLog.basicUser(auth));
            String bearer = AccessLog.bearerFingerprint(auth);
            g.writeStringField("bearer", bearer.equals("-") ? null : bearer);
            g.writeStringField("referer", h.getFirst(Headers.REFERER));
            g.writeStringField("userAgent", h.getFirst(Headers.USER_AGENT));
            g.writeStringField("forwardedFor", h.getFirst(Headers.X_FORWARDED_FOR));
            g.writeStringField("worker", worker);
            g.writeNumberField("connections", connections);
            g.writeNumberField("handlingMs", handlingMs);
            g.writeNumberField("transferMs", transferMs);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
