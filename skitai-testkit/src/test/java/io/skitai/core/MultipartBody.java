package io.skitai.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Builds {@code multipart/form-data} bodies for tests, byte for byte, and hashes what was sent. */
final class MultipartBody {

    static final String BOUNDARY = "----skitaiFormBoundary5d2a";
    static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    MultipartBody field(String name, String value) {
        head("form-data; name=\"" + name + "\"", null);
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(crlf());
        return this;
    }

    MultipartBody file(String name, String filename, String type, byte[] content) {
        head("form-data; name=\"" + name + "\"; filename=\"" + filename + "\"", type);
        out.writeBytes(content);
        out.writeBytes(crlf());
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(out.toByteArray());
        all.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return all.toByteArray();
    }

    private void head(String disposition, String type) {
        String h = "--" + BOUNDARY + "\r\nContent-Disposition: " + disposition + "\r\n"
                + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n";
        out.writeBytes(h.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] crlf() {
        return new byte[] {'\r', '\n'};
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static String sha256(InputStream in) {
        MessageDigest md = digest();
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                md.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
