package io.skitai.core.internal;

import io.skitai.core.HttpError;
import io.skitai.core.Upload;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.MultipartParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects the parts Undertow's {@link MultipartParser} finds (RFC 7578): a part with a
 * {@code filename} is a file, kept in memory up to a threshold and streamed to a temporary file
 * beyond it; any other part is a text field (UTF-8 unless its own Content-Type names a charset).
 * Limits are checked as the bytes arrive, so an oversized file is refused before the rest of it is
 * read: a file over {@link FormLimits#maxFileBytes()} or text fields over
 * {@link FormLimits#maxTextBytes()} are a 413; a part without a form-data Content-Disposition
 * naming it, or too many parts, a 400.
 */
final class FormParts implements MultipartParser.PartHandler {

    private static final String OCTETS = "application/octet-stream";

    private final FormLimits limits;
    private final long memoryThreshold;
    private final TempFiles temp;
    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private final Map<String, List<Upload>> files = new LinkedHashMap<>();
    private final ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private int parts;
    private long textBytes;

    // the current part
    private String name;
    private String filename;
    private String contentType;
    private Charset charset;
    private long size;
    private Path file;
    private FileChannel channel;

    FormParts(FormLimits limits, long memoryThreshold, TempFiles temp) {
        this.limits = limits;
        this.memoryThreshold = memoryThreshold;
        this.temp = temp;
    }

    /** Whether a part has begun (its headers were read). */
    boolean begun() {
        return parts > 0;
    }

    /** What was collected. */
    ParsedForm form() {
        return ParsedForm.of(fields, files);
    }

    @Override
    public void beginPart(HeaderMap headers) {
        if (++parts > limits.maxFields()) {
            throw MultipartForm.bad("more than " + limits.maxFields() + " parts");
        }
        String disposition = headers.getFirst(Headers.CONTENT_DISPOSITION);
        if (disposition == null) {
            throw MultipartForm.bad("a part has no Content-Disposition header");
        }
        if (!disposition.strip().toLowerCase(Locale.ROOT).startsWith("form-data")) {
            throw MultipartForm.bad("a part's Content-Disposition is not form-data");
        }
        Map<String, String> params = HeaderParams.parse(disposition);
        name = params.get("name");
        if (name == null) {
            throw MultipartForm.bad("a part's Content-Disposition has no name");
        }
        filename = params.get("filename");
        String type = headers.getFirst(Headers.CONTENT_TYPE);
        contentType = type == null || type.isBlank() ? OCTETS : type.strip();
        charset = filename != null || type == null ? StandardCharsets.UTF_8 : ParsedForm.charset(type);
        memory.reset();
        size = 0;
        file = null;
        channel = null;
    }

    @Override
    public void data(ByteBuffer buffer) throws IOException {
        int n = buffer.remaining();
        size += n;
        if (filename == null) {
            textBytes += n;
            if (textBytes > limits.maxTextBytes()) {
                throw new HttpError(413, Messages.formFieldsTooLarge(limits.maxTextBytes()));
            }
            copy(buffer);
            return;
        }
        if (size > limits.maxFileBytes()) {
            throw new HttpError(413, Messages.fileTooLarge(name, limits.maxFileBytes()));
        }
        if (channel == null && size > memoryThreshold) {
            file = temp.create();
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
            writeFully(ByteBuffer.wrap(memory.toByteArray()));
            memory.reset();
        }
        if (channel != null) {
            writeFully(buffer);
        } else {
            copy(buffer);
        }
    }

    @Override
    public void endPart() {
        if (filename == null) {
            fields.computeIfAbsent(name, k -> new ArrayList<>(1)).add(memory.toString(charset));
        } else if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write upload '" + name + "' to " + file, e);
            }
            channel = null;
            files.computeIfAbsent(name, k -> new ArrayList<>(1)).add(Upload.of(name, filename, contentType, file));
        } else {
            files.computeIfAbsent(name, k -> new ArrayList<>(1)).add(Upload.of(name, filename, contentType, memory.toByteArray()));
        }
        memory.reset();
    }

    /** Closes a file left open by a parse that failed (the file itself goes with the others). */
    void abandon() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the file is deleted with the request's other temporary files
            }
            channel = null;
        }
    }

    private void copy(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            memory.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            buffer.position(buffer.limit());
        } else {
            while (buffer.hasRemaining()) {
                memory.write(buffer.get());
            }
        }
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
