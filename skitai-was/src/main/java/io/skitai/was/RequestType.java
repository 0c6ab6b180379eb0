package io.skitai.was;

import java.util.List;

/**
 * The Content-Type of request bodies and the Accept header of upstream calls (Python's
 * {@code app.config.default_request_type}); JSON unless the app says otherwise.
 *
 * @param contentType the Content-Type of request bodies
 * @param accept      the Accept header
 */
public record RequestType(String contentType, String accept) {

    /** {@code application/json} both ways, the default. */
    public static final RequestType JSON = new RequestType("application/json", "application/json");

    /** Checks the fields. */
    public RequestType {
        if (contentType == null || contentType.isBlank() || accept == null || accept.isBlank()) {
            throw new IllegalArgumentException("a request type needs a content type and an accept type");
        }
    }

    /**
     * Reads a configuration value: a {@code RequestType}, a two-item list or array
     * ({@code ["text/xml", "*}{@code /*"]}, as in Python) or a single content type (used both ways).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static RequestType from(Object value) {
        if (value instanceof RequestType type) {
            return type;
        }
        if (value instanceof String s) {
            return new RequestType(s, s);
        }
        if (value instanceof Object[] array) {
            value = List.of(array);
        }
        if (value instanceof List<?> list && list.size() == 2) {
            return new RequestType(String.valueOf(list.get(0)), String.valueOf(list.get(1)));
        }
        throw new IllegalArgumentException("defaultRequestType must be a content type or a (content type, accept)"
                + " pair, got " + value);
    }
}
