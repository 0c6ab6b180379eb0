package io.skitai.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/**
 * A file uploaded in a {@code multipart/form-data} body ({@link Exchange#files()}). Small files
 * (up to {@value #MEMORY_THRESHOLD} bytes) are kept in memory; larger ones are streamed to a
 * temporary file while the body is read, never held whole in memory, and that file is deleted once
 * the request completes: read it, or {@link #transferTo(Path) copy it} somewhere, before then.
 * Each file is bounded by the mount's {@code Pref.maxUploadFileSize()} (413 beyond).
 *
 * <p>Immutable; {@link #of(String, String, String, byte[])} builds one for tests.
 */
public final class Upload {

    /** Files up to this many bytes stay in memory; larger ones go to a temporary file. */
    public static final int MEMORY_THRESHOLD = 16 * 1024;

    private final String name;
    private final String filename;
    private final String contentType;
    private final long size;
    private final byte[] content;
    private final Path file;

    private Upload(String name, String filename, String contentType, long size, byte[] content, Path file) {
        this.name = Objects.requireNonNull(name, "name");
        this.filename = Objects.requireNonNull(filename, "filename");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.size = size;
        this.content = content;
        this.file = file;
    }

    /** An upload held in memory. */
    public static Upload of(String name, String filename, String contentType, byte[] content) {
        byte[] copy = content.clone();
        return new Upload(name, filename, contentType, copy.length, copy, null);
    }

    /**
     * An upload whose content is the file at {@code file} (its size is read now). The engine's own
     * temporary files are deleted after the request; a file given here is left alone.
     *
     * @throws UncheckedIOException when the file's size cannot be read
     */
    public static Upload of(String name, String filename, String contentType, Path file) {
        try {
            return new Upload(name, filename, contentType, Files.size(file), null, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }

    /** The form field's name. */
    public String name() {
        return name;
    }

    /** The file name the client sent (may be empty; never trust it as a path). */
    public String filename() {
        return filename;
    }

    /** The part's Content-Type ({@code application/octet-stream} when the client sent none). */
    public String contentType() {
        return contentType;
    }

    /** The size in bytes. */
    public long size() {
        return size;
    }

    /** The temporary file holding the content, or empty when the upload is in memory. */
    public Optional<Path> path() {
        return Optional.ofNullable(file);
    }

    /** A new stream over the content. */
    public InputStream inputStream() {
        if (file == null) {
            return new ByteArrayInputStream(content);
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read upload '" + name + "' from " + file, e);
        }
    }

    /** The whole content (a copy; for large files prefer {@link #inputStream()} or {@link #transferTo}). */
    public byte[] bytes() {
        if (file == null) {
            return content.clone();
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read upload '" + name + "' from " + file, e);
        }
    }

    /**
     * Copies the content to {@code target}, replacing a file that is there, and returns it.
     *
     * @throws UncheckedIOException when the copy fails
     */
    public Path transferTo(Path target) {
        try {
            if (file == null) {
                Files.write(target, content);
            } else {
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy upload '" + name + "' to " + target, e);
        }
    }

    @Override
    public String toString() {
        return "Upload(" + name + ", " + filename + ", " + contentType + ", " + size + " bytes"
                + (file == null ? ")" : ", " + file + ")");
    }
}
