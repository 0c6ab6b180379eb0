package io.skitai.was.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skitai.was.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/** Request bodies by content type, multipart uploads, and answers parsed by content type. */
final class Bodies {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Bodies() {}

    /**
     * {@code data} as a body of {@code contentType}: {@code byte[]} and {@code String} as they are,
     * objects as JSON for a JSON type, maps form-encoded for a form type; {@code null} is no body.
     */
    static byte[] encode(Object data, String contentType, ObjectMapper json) {
        if (data == null) {
            return new byte[0];
        }
        if (data instanceof byte[] bytes) {
            return bytes;
        }
        if (data instanceof String s) {
            return s.getBytes(charset(contentType));
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            try {
                return json.writeValueAsBytes(data);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write " + data.getClass().getName() + " as JSON: "
                        + e.getOriginalMessage(), e);
            }
        }
        if (type.startsWith("application/x-www-form-urlencoded") && data instanceof Map<?, ?> map) {
            return form(map).getBytes(StandardCharsets.US_ASCII);
        }
        throw new IllegalArgumentException(Messages.badBody(data.getClass().getName(), contentType));
    }

    private static String form(Map<?, ?> map) {
        StringBuilder b = new StringBuilder();
        map.forEach((k, v) -> {
            Iterable<?> values = v instanceof Iterable<?> it ? it : java.util.Collections.singletonList(v);
            for (Object value : values) {
                if (!b.isEmpty()) {
                    b.append('&');
                }
                b.append(URLEncoder.encode(String.valueOf(k), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value == null ? "" : String.valueOf(value), StandardCharsets.UTF_8));
            }
        });
        return b.toString();
    }

    /** A multipart/form-data body. */
    record Multipart(String contentType, byte[] body) {}

    /** Encodes upload fields: String values as text fields; Part, Path and byte[] values as files. */
    static Multipart multipart(Map<String, ?> fields) {
        String boundary = "----skitai" + HexFormat.of().formatHex(randomBytes(12));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            Object v = e.getValue();
            Part part = v instanceof Part p ? p
                    : v instanceof Path path ? Part.of(path)
                    : v instanceof byte[] bytes ? new Part(e.getKey(), "application/octet-stream", bytes)
                    : null;
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(quoted(e.getKey())).append('"');
            byte[] content;
            if (part != null) {
                head.append("; filename=\"").append(quoted(part.filename())).append("\"\r\n")
                        .append("Content-Type: ").append(part.contentType().replaceAll("[\r\n]", ""));
                content = part.content();
            } else if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                content = String.valueOf(v).getBytes(StandardCharsets.UTF_8);
            } else {
                throw new IllegalArgumentException(Messages.badUploadField(e.getKey(),
                        v == null ? "null" : v.getClass().getName()));
            }
            head.append("\r\n\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A field or file name inside quotes: quotes and line breaks percent-encoded, as browsers do. */
    private static String quoted(String s) {
        return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    /**
     * An answer parsed by its Content-Type: JSON into maps, lists and scalars; XML into a DOM
     * {@code Document}; {@code text/*} into a String; anything else stays {@code byte[]}. No body is {@code null}.
     *
     * @throws IOException when the body does not parse as its type says
     */
    static Object parse(String contentType, byte[] body, ObjectMapper json) throws IOException {
        if (body.length == 0) {
            return null;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String mime = type.split(";", 2)[0].strip();
        if (mime.equals("application/json") || mime.endsWith("+json")) {
            return json.readValue(body, Object.class);
        }
        if (mime.equals("text/xml") || mime.equals("application/xml") || mime.endsWith("+xml")) {
            return SafeXml.parse(body);
        }
        if (mime.startsWith("text/")) {
            return new String(body, charset(contentType));
        }
        return body;
    }

    static Charset charset(String contentType) {
        if (contentType != null) {
            String lower = contentType.toLowerCase(Locale.ROOT);
            int at = lower.indexOf("charset=");
            if (at >= 0) {
                String name = lower.substring(at + 8).split("[;\\s]", 2)[0].replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (RuntimeException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
