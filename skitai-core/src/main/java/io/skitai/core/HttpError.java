package io.skitai.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one HTTP error type: throw it from anywhere in a handler to answer with its status, message
 * and headers. The engine renders it as {@code application/problem+json} for clients that accept
 * JSON and as a small HTML page otherwise. Its message is meant for the client; messages of any
 * other exception never reach the client.
 */
public class HttpError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final Map<String, String> headers;

    /** An error with the given status and client-facing message. */
    public HttpError(int status, String message) {
        this(status, message, Map.of(), null);
    }

    /** An error with extra response headers and an optional cause (logged, never sent). */
    public HttpError(int status, String message, Map<String, String> headers, Throwable cause) {
        super(message == null ? StatusText.of(status) : message, cause, false, cause != null);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("HttpError status must be 4xx or 5xx, got " + status);
        }
        this.status = status;
        this.headers = Map.copyOf(new LinkedHashMap<>(headers));
    }

    /** Parses a Python-style status line such as {@code "404 Not Found"}. */
    public static HttpError of(String statusLine) {
        String s = statusLine.strip();
        int space = s.indexOf(' ');
        int code = Integer.parseInt(space < 0 ? s : s.substring(0, space));
        return new HttpError(code, space < 0 ? null : s.substring(space + 1).strip());
    }

    /** A 400 Bad Request. */
    public static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    /** A 404 Not Found. */
    public static HttpError notFound(String message) {
        return new HttpError(404, message);
    }

    /** The HTTP status code (4xx or 5xx). */
    public int status() {
        return status;
    }

    /** Extra headers sent with the error response. */
    public Map<String, String> headers() {
        return headers;
    }
}
