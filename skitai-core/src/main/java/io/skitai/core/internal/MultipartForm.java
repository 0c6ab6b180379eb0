package io.skitai.core.internal;

import io.skitai.core.HttpError;
import io.undertow.connector.ByteBufferPool;
import io.undertow.util.MalformedMessageException;
import io.undertow.util.MultipartParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A {@code multipart/form-data} body, parsed as it streams in by Undertow's own
 * {@link MultipartParser} into {@link FormParts}. A malformed body is a 400 ({@code SKITAI-C082})
 * naming the problem.
 */
final class MultipartForm {

    static final String TYPE = "multipart/form-data";

    private static final int BUFFER = 16 * 1024;

    private MultipartForm() {}

    static boolean accepts(String contentType) {
        return ParsedForm.isMediaType(contentType, TYPE);
    }

    /** The boundary parameter of a multipart Content-Type (RFC 2046: 1 to 70 characters). */
    static String boundary(String contentType) {
        String boundary = HeaderParams.parse(contentType).get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw bad("Content-Type has no valid boundary parameter");
        }
        return boundary;
    }

    /**
     * Parses {@code body}, reading it to its end.
     *
     * @param memoryThreshold files up to this size stay in memory, larger ones go to {@code temp}
     * @throws HttpError   400 for a malformed body, 413 beyond {@code limits}
     * @throws IOException when the body cannot be read or a temporary file cannot be written
     */
    static ParsedForm parse(InputStream body, String contentType, FormLimits limits, long memoryThreshold,
                            ByteBufferPool pool, TempFiles temp) throws IOException {
        byte[] boundary = boundary(contentType).getBytes(StandardCharsets.ISO_8859_1);
        FormParts parts = new FormParts(limits, memoryThreshold, temp);
        MultipartParser.ParseState state = MultipartParser.beginParse(pool, parts, boundary, "UTF-8");
        byte[] buffer = new byte[BUFFER];
        try {
            int n;
            while (!state.isComplete() && (n = body.read(buffer)) >= 0) {
                if (n > 0) {
                    state.parse(ByteBuffer.wrap(buffer, 0, n));
                }
            }
        } catch (MalformedMessageException e) {
            throw bad("a part's headers are malformed (each is 'Name: value' on its own line, then an empty line)");
        } finally {
            parts.abandon();
        }
        if (!state.isComplete()) {
            throw bad(parts.begun() ? "a part is not closed by the boundary (truncated body?)"
                    : "no opening boundary (or the body ends before the first part)");
        }
        body.transferTo(OutputStream.nullOutputStream());
        return parts.form();
    }

    static HttpError bad(String problem) {
        return new HttpError(400, Messages.malformedMultipart(problem));
    }
}
