package io.skitai.testkit;

import io.skitai.testkit.internal.ParsedResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One HTTP/1.x response read off a {@link RawConnection}, framing removed. */
public final class RawResponse {

    private static final int PREVIEW = 200;

    private final ParsedResponse parsed;

    RawResponse(ParsedResponse parsed) {
        this.parsed = parsed;
    }

    /** The protocol of the status line, e.g. {@code HTTP/1.1}. */
    public String version() {
        return parsed.version();
    }

    /** The status code. */
    public int status() {
        return parsed.status();
    }

    /** The reason phrase ({@code ""} when the server sent none). */
    public String reason() {
        return parsed.reason();
    }

    /** The status line and header lines as received, one per line ({@code \n}-separated). */
    public String head() {
        return parsed.head();
    }

    /** The first value of a header (case-insensitive name). */
    public Optional<String> header(String name) {
        List<String> values = parsed.headers().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a header, in arrival order; empty when absent. */
    public List<String> headers(String name) {
        return parsed.headers().getOrDefault(name, List.of());
    }

    /** All headers by case-insensitive name. */
    public Map<String, List<String>> headers() {
        return parsed.headers();
    }

    /** Trailer fields of a chunked body (empty otherwise). */
    public Map<String, List<String>> trailers() {
        return parsed.trailers();
    }

    /** Whether the body came chunked. */
    public boolean chunked() {
        return parsed.framing() == ParsedResponse.Framing.CHUNKED;
    }

    /** Whether the body ran until the server closed the connection (no length, not chunked). */
    public boolean delimitedByClose() {
        return parsed.framing() == ParsedResponse.Framing.CLOSE;
    }

    /** The body bytes, without chunk framing (a copy). */
    public byte[] body() {
        return parsed.body().clone();
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(parsed.body(), StandardCharsets.UTF_8);
    }

    /** e.g. {@code HTTP/1.1 400 Bad Request [content-length 11] "bad request"}. */
    @Override
    public String toString() {
        String text = text();
        String preview = text.length() > PREVIEW ? text.substring(0, PREVIEW) + "... (" + parsed.body().length + " bytes)" : text;
        return parsed.version() + " " + parsed.status() + (parsed.reason().isEmpty() ? "" : " " + parsed.reason())
                + " [" + parsed.framing().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "]"
                + (parsed.body().length == 0 ? " (no body)" : " \"" + preview + "\"");
    }
}
