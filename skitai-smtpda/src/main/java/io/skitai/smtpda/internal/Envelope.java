package io.skitai.smtpda.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skitai.core.Json;
import io.skitai.smtpda.Security;
import io.skitai.smtpda.SmtpServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the daemon needs beside the MIME bytes: the envelope sender and recipients (bcc included,
 * which the MIME headers do not show) and the SMTP server chosen by the sender, if any.
 *
 * @param id         the spool id (also the file name stem)
 * @param created    when {@code send()} spooled it, epoch milliseconds
 * @param sender     the SMTP envelope sender (MAIL FROM)
 * @param recipients the SMTP envelope recipients (RCPT TO)
 * @param server     the server set with {@code Email.setSmtp}, else the daemon's default
 */
public record Envelope(String id, long created, String sender, List<String> recipients, Optional<SmtpServer> server) {

    /** Freezes the list. */
    public Envelope {
        recipients = List.copyOf(recipients);
    }

    /** The JSON form stored in the spool file (the password included: the daemon needs it). */
    public byte[] toJson() {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("id", id);
        o.put("created", created);
        o.put("sender", sender);
        ArrayNode rcpt = o.putArray("recipients");
        recipients.forEach(rcpt::add);
        server.ifPresent(s -> {
            ObjectNode n = o.putObject("server");
            n.put("host", s.host());
            n.put("port", s.port());
            n.put("security", s.security().name());
            s.user().ifPresent(u -> n.put("user", u));
            s.password().ifPresent(p -> n.put("password", p));
        });
        return Json.bytes(o);
    }

    /** Parses {@link #toJson()}; any missing or mistyped field is a {@link CorruptSpoolFile}. */
    public static Envelope fromJson(byte[] json) throws CorruptSpoolFile {
        JsonNode o;
        try {
            o = Json.mapper().readTree(json);
        } catch (IOException e) {
            // No parser detail: it may quote the envelope, password included.
            throw new CorruptSpoolFile("envelope is not valid JSON");
        }
        if (o == null || !o.isObject()) {
            throw new CorruptSpoolFile("envelope is not a JSON object");
        }
        List<String> rcpt = new ArrayList<>();
        JsonNode list = o.get("recipients");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new CorruptSpoolFile("envelope has no recipients");
        }
        list.forEach(r -> rcpt.add(r.asText()));
        Optional<SmtpServer> server = Optional.empty();
        JsonNode s = o.get("server");
        if (s != null && s.isObject()) {
            try {
                server = Optional.of(new SmtpServer(text(s, "host"), s.path("port").asInt(-1),
                        Optional.ofNullable(s.path("user").textValue()), Optional.ofNullable(s.path("password").textValue()),
                        Security.valueOf(text(s, "security").toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                throw new CorruptSpoolFile("envelope names a bad SMTP server");
            }
        }
        long created = o.path("created").asLong(-1);
        if (created < 0) {
            throw new CorruptSpoolFile("envelope has no creation time");
        }
        return new Envelope(text(o, "id"), created, text(o, "sender"), rcpt, server);
    }

    private static String text(JsonNode o, String field) throws CorruptSpoolFile {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual() || n.asText().isEmpty()) {
            throw new CorruptSpoolFile("envelope field '" + field + "' is missing");
        }
        return n.asText();
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "Envelope[" + id + " from " + sender + " to " + recipients + server.map(s -> " via " + s).orElse("") + "]";
    }
}
