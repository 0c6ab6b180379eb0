package io.skitai.atila;

import io.skitai.atila.internal.Messages;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A route result with its own status and headers. The body is rendered like any other return
 * value (a {@code String} as HTML, {@code byte[]} as bytes, anything else as JSON) unless the
 * headers set {@code Content-Type}; a {@code null} body sends none.
 *
 * <pre>{@code
 * return Response.of(201, pet).header("Location", was.urlFor("pet", pet.id()));
 * }</pre>
 *
 * @param status  the HTTP status
 * @param headers response headers
 * @param body    what to render, or {@code null} for no body
 */
public record Response(int status, Map<String, String> headers, Object body) {

    /** Validates the status and freezes the headers. */
    public Response {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException(Messages.responseStatus(status));
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A response with a status and a body. */
    public static Response of(int status, Object body) {
        return new Response(status, Map.of(), body);
    }

    /** A response with a status and no body. */
    public static Response status(int status) {
        return new Response(status, Map.of(), null);
    }

    /** A copy with one more (or a replaced) header. */
    public Response header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, copy, body);
    }
}
