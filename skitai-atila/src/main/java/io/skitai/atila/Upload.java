package io.skitai.atila;

import java.util.Arrays;

/**
 * A file uploaded in a {@code multipart/form-data} body. A route parameter of this type binds the
 * file part of the same name ({@code List<Upload>} for several); a file larger than the mount's
 * {@code Pref.maxUploadFileSize()} is a 413 naming the field.
 *
 * @param name        the form field's name
 * @param filename    the file name the client sent (may be empty)
 * @param contentType the part's Content-Type ({@code application/octet-stream} when not given)
 * @param bytes       the file's content
 */
public record Upload(String name, String filename, String contentType, byte[] bytes) {

    /** The file's size in bytes. */
    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Upload u && name.equals(u.name) && filename.equals(u.filename)
                && contentType.equals(u.contentType) && Arrays.equals(bytes, u.bytes);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Upload(" + name + ", " + filename + ", " + contentType + ", " + bytes.length + " bytes)";
    }
}
