package io.skitai.atila.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.skitai.atila.Upload;
import io.skitai.core.Exchange;
import io.skitai.core.HttpError;
import io.skitai.core.Json;
import io.skitai.was.Was;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What binders read for one request: the exchange, its Was, path variables, and the form, parsed on first use. */
public final class Call {

    private final Exchange exchange;
    private final Was was;
    private final Map<String, String> pathVariables;
    private final long maxUploadFileSize;
    private Map<String, List<String>> form;
    private Multipart multipart;

    /** A call of a route for one request, without an upload limit beyond the body limit. */
    public Call(Exchange exchange, Was was, Map<String, String> pathVariables) {
        this(exchange, was, pathVariables, Long.MAX_VALUE);
    }

    /** A call of a route for one request whose uploaded files may have at most {@code maxUploadFileSize} bytes each. */
    public Call(Exchange exchange, Was was, Map<String, String> pathVariables, long maxUploadFileSize) {
        this.exchange = exchange;
        this.was = was;
        this.pathVariables = pathVariables;
        this.maxUploadFileSize = maxUploadFileSize;
    }

    /** The request. */
    public Exchange exchange() {
        return exchange;
    }

    /** Its context. */
    public Was was() {
        return was;
    }

    /** The values of a parameter: the path variable, else the query values, else the form values (empty if none). */
    public List<String> values(String name) {
        String pathValue = pathVariables.get(name);
        if (pathValue != null) {
            return List.of(pathValue);
        }
        List<String> query = exchange.queryParams().get(name);
        if (query != null && !query.isEmpty()) {
            return query;
        }
        if (isForm()) {
            return form().getOrDefault(name, List.of());
        }
        if (Multipart.isMultipart(contentType())) {
            return multipart().fields().getOrDefault(name, List.of());
        }
        return List.of();
    }

    /** The files uploaded under field {@code name} of a multipart body (empty if none or not multipart). */
    public List<Upload> uploads(String name) {
        if (!Multipart.isMultipart(contentType())) {
            return List.of();
        }
        return multipart().files().getOrDefault(name, List.of());
    }

    private Multipart multipart() {
        if (multipart == null) {
            multipart = Multipart.parse(exchange.header("Content-Type").orElse(""), exchange.body(), maxUploadFileSize);
        }
        return multipart;
    }

    /** Reads the body into the type of {@code reader}, for parameter {@code name}. */
    public Object body(ObjectReader reader, String name) {
        String type = contentType();
        if (isForm() || Multipart.isMultipart(type)) {
            Map<String, Object> fields = new LinkedHashMap<>();
            (isForm() ? form() : multipart().fields()).forEach((k, v) -> fields.put(k, v.size() == 1 ? v.get(0) : v));
            try {
                return Json.mapper().convertValue(fields, reader.getValueType());
            } catch (IllegalArgumentException e) {
                throw new HttpError(400, Messages.formDoesNotFit(name, firstLine(e.getMessage())));
            }
        }
        if (!type.isEmpty() && !type.contains("json")) {
            throw new HttpError(415, Messages.notJson(name, Converters.clip(type)));
        }
        byte[] bytes = exchange.body();
        if (bytes.length == 0) {
            throw new HttpError(400, Messages.noJsonBody(name));
        }
        try {
            return reader.readValue(bytes);
        } catch (JsonProcessingException e) {
            throw new HttpError(400, Messages.malformedJson(name, describe(e)));
        } catch (IOException e) {
            throw new HttpError(400, Messages.unreadableJson(name));
        }
    }

    private static String describe(JsonProcessingException e) {
        String message = firstLine(e.getOriginalMessage());
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder at = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                at.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
            }
            message += " (at " + at.substring(at.charAt(0) == '.' ? 1 : 0) + ")";
        } else if (e.getLocation() != null) {
            message += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return message;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private String contentType() {
        return exchange.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    }

    private boolean isForm() {
        return contentType().startsWith("application/x-www-form-urlencoded");
    }

    private Map<String, List<String>> form() {
        if (form == null) {
            form = parseForm(exchange.bodyText());
        }
        return form;
    }

    static Map<String, List<String>> parseForm(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw new HttpError(400, Messages.malformedForm(Converters.clip(pair)));
            }
        }
        return out;
    }
}
