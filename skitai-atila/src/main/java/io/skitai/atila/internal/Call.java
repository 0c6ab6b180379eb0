package io.skitai.atila.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skitai.core.Exchange;
import io.skitai.core.HttpError;
import io.skitai.core.Upload;
import io.skitai.was.Was;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What binders read for one request: the exchange, its Was and path variables. Form fields and
 * uploaded files come from the exchange ({@link Exchange#form()}, {@link Exchange#files()}), which
 * parses the body once and enforces the mount's limits.
 */
public final class Call {

    private final Exchange exchange;
    private final Was was;
    private final Map<String, String> pathVariables;
    private final io.skitai.websocket.WsClient wsClient;
    private final Object wsMessage;

    /** A call of a route for one request. */
    public Call(Exchange exchange, Was was, Map<String, String> pathVariables) {
        this(exchange, was, pathVariables, null, null);
    }

    /** A call of a websocket route for one client's event or message ({@code message} null for an event). */
    public Call(Exchange exchange, Was was, Map<String, String> pathVariables, io.skitai.websocket.WsClient client,
            Object message) {
        this.exchange = exchange;
        this.was = was;
        this.pathVariables = pathVariables;
        this.wsClient = client;
        this.wsMessage = message;
    }

    /** The websocket client of a websocket route's call (null for a handshake or an HTTP route). */
    public io.skitai.websocket.WsClient wsClient() {
        return wsClient;
    }

    /** The websocket message of a websocket route's call. */
    public Object wsMessage() {
        return wsMessage;
    }

    /** The path variables of the route's match. */
    public Map<String, String> pathVariables() {
        return pathVariables;
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
        return exchange.form().getOrDefault(name, List.of());
    }

    /** The files uploaded under field {@code name} of a multipart body (empty if none or not multipart). */
    public List<Upload> uploads(String name) {
        return exchange.files().getOrDefault(name, List.of());
    }

    /** Reads the body into {@code target} with the server's JSON mapper, for parameter {@code name}. */
    public Object body(JavaType target, String name) {
        ObjectMapper json = exchange.server().json();
        String type = contentType();
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
            Map<String, Object> fields = new LinkedHashMap<>();
            exchange.form().forEach((k, v) -> fields.put(k, v.size() == 1 ? v.get(0) : v));
            try {
                return json.convertValue(fields, target);
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
            return json.readerFor(target).readValue(bytes);
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
}
