package io.skitai.atila;

import io.skitai.atila.internal.Messages;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A streamed (chunked) response body: a route returning one has it write to the response as it
 * goes. Sent as {@code application/octet-stream} unless wrapped with {@link #of(String, Streamed)}
 * or a Content-Type header is set.
 *
 * <pre>{@code
 * @Route("/numbers")
 * public Streamed numbers() {
 *     return Streamed.of("text/plain", out -> out.write("1\n2\n".getBytes()));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Streamed {

    /** Writes the body; the stream is closed (completing the response) afterwards. */
    void write(OutputStream out) throws IOException;

    /** The Content-Type of this body, or {@code null} for the default. */
    default String contentType() {
        return null;
    }

    /** A streamed body sent with this Content-Type. */
    static Streamed of(String contentType, Streamed body) {
        if (body == null) {
            throw new IllegalArgumentException(Messages.streamedWithoutBody());
        }
        return new Streamed() {
            @Override
            public void write(OutputStream out) throws IOException {
                body.write(out);
            }

            @Override
            public String contentType() {
                return contentType;
            }
        };
    }
}
