package io.skitai.atila.internal;

import io.skitai.core.Exchange;
import io.skitai.core.HttpError;
import java.util.List;
import java.util.Optional;

/**
 * One HTTP authentication scheme of {@code @AuthorizationRequired}: checks a request's
 * {@code Authorization} header and answers with the user it authenticates, or throws the
 * {@link HttpError} to answer with (401 with the scheme's challenges on the exchange, 400 for a
 * malformed header).
 */
interface HttpAuth {

    /** The authenticated user of {@code call}'s request. */
    String authenticate(Call call) throws Exception;

    /**
     * The credentials after {@code scheme} in the request's {@code Authorization} header; empty
     * when there is no such header or it is of another scheme.
     */
    static Optional<String> credentials(Exchange exchange, String scheme) {
        Optional<String> header = exchange.header("Authorization").map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String h = header.get();
        int n = scheme.length();
        if (h.length() < n || !h.regionMatches(true, 0, scheme, 0, n) || (h.length() > n && h.charAt(n) != ' ')) {
            return Optional.empty();
        }
        return Optional.of(h.substring(n).strip());
    }

    /** A 401 with {@code message}, the {@code challenges} added to the exchange as {@code WWW-Authenticate} headers. */
    static HttpError unauthorized(Exchange exchange, String message, List<String> challenges) {
        challenges.forEach(c -> exchange.addHeader("WWW-Authenticate", c));
        return new HttpError(401, message);
    }
}
