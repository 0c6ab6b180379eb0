package io.skitai.core;

import java.util.List;
import java.util.Map;

/**
 * The answer to an {@link UpstreamRequest}: the status, the protocol it came over
 * ({@code HTTP/1.1} or {@code HTTP/2.0}), the headers (names case-insensitive) and the whole body.
 *
 * @param status   the status code
 * @param protocol the protocol of the answer
 * @param headers  header values by name, in a case-insensitive map
 * @param body     the body bytes (empty when there is none)
 */
public record UpstreamResponse(int status, String protocol, Map<String, List<String>> headers, byte[] body) {

    /** The first value of header {@code name}, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String toString() {
        return "UpstreamResponse[" + status + " " + protocol + ", " + body.length + " bytes]";
    }
}
