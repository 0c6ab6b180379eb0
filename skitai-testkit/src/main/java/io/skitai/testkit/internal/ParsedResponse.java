package io.skitai.testkit.internal;

import java.util.List;
import java.util.Map;

/**
 * One HTTP/1.x response as read off the wire.
 *
 * @param head     the status line and header lines exactly as received (CRLFs normalised to \n)
 * @param version  the protocol of the status line, e.g. {@code HTTP/1.1}
 * @param status   the status code
 * @param reason   the reason phrase ({@code ""} when absent)
 * @param headers  header fields by case-insensitive name, each with its values in arrival order
 * @param body     the body with any chunked framing removed
 * @param framing  how the body was delimited
 * @param trailers trailer fields of a chunked body
 */
public record ParsedResponse(String head, String version, int status, String reason,
                             Map<String, List<String>> headers, byte[] body, Framing framing,
                             Map<String, List<String>> trailers) {

    /** How a response body was delimited. */
    public enum Framing {
        /** No body by rule (HEAD, 1xx, 204, 304). */
        NONE,
        /** {@code Content-Length}. */
        CONTENT_LENGTH,
        /** {@code Transfer-Encoding: chunked}. */
        CHUNKED,
        /** Until the server closed the connection. */
        CLOSE
    }
}
