package io.skitai.was;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file field of a multipart upload ({@link Requests#upload}).
 *
 * @param filename    the file name sent with the part
 * @param contentType its content type
 * @param content     its bytes
 */
public record Part(String filename, String contentType, byte[] content) {

    /** Checks the fields. */
    public Part {
        if (filename == null || contentType == null || content == null) {
            throw new IllegalArgumentException("a Part needs a filename, a content type and content");
        }
    }

    /** A part with the bytes of a file, named after it, typed by its extension. */
    public static Part of(Path file) {
        try {
            String name = file.getFileName().toString();
            return new Part(name, io.skitai.core.MediaTypes.of(name), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read upload file " + file.toAbsolutePath(), e);
        }
    }
}
