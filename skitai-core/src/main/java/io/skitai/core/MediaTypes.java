package io.skitai.core;

import io.skitai.core.internal.ContentTypes;
import java.nio.file.Path;

/**
 * The Content-Type of a file by its name's extension, from the same table static files use (text
 * types with {@code ; charset=utf-8}, {@code application/octet-stream} when unknown).
 */
public final class MediaTypes {

    private MediaTypes() {}

    /** The Content-Type for a file name such as {@code "logo.png"}. */
    public static String of(String fileName) {
        return ContentTypes.of(fileName);
    }

    /** The Content-Type for a file. */
    public static String of(Path file) {
        Path name = file.getFileName();
        return of(name == null ? "" : name.toString());
    }
}
