package io.skitai.smtpda.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The bytes of one spool file: a header line {@code SKITAI-SMTPDA/1 <envelope length> <mime length>
 * <sha-256>}, the envelope JSON, then the MIME message. The lengths and the digest over both parts
 * make a truncated, padded or altered file detectable, so it is quarantined instead of delivered.
 */
public final class SpoolFormat {

    static final String MAGIC = "SKITAI-SMTPDA/1";
    private static final int MAX_HEADER = 200;

    /** One decoded spool file. */
    public record Message(Envelope envelope, byte[] mime) {}

    private SpoolFormat() {}

    /** The file bytes for an envelope and its MIME message. */
    public static byte[] encode(Envelope envelope, byte[] mime) {
        byte[] env = envelope.toJson();
        String header = MAGIC + " " + env.length + " " + mime.length + " " + digest(env, mime) + "\n";
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[h.length + env.length + mime.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(env, 0, out, h.length, env.length);
        System.arraycopy(mime, 0, out, h.length + env.length, mime.length);
        return out;
    }

    /** Decodes and verifies a spool file's bytes. */
    public static Message decode(byte[] file) throws CorruptSpoolFile {
        int nl = -1;
        for (int i = 0; i < Math.min(file.length, MAX_HEADER); i++) {
            if (file[i] == '\n') {
                nl = i;
                break;
            }
        }
        if (nl < 0) {
            throw new CorruptSpoolFile(file.length == 0 ? "the file is empty" : "no spool header line");
        }
        String[] h = new String(file, 0, nl, StandardCharsets.US_ASCII).split(" ");
        if (h.length != 4 || !h[0].equals(MAGIC)) {
            throw new CorruptSpoolFile("not a " + MAGIC + " spool file");
        }
        int envLength;
        int mimeLength;
        try {
            envLength = Integer.parseInt(h[1]);
            mimeLength = Integer.parseInt(h[2]);
        } catch (NumberFormatException e) {
            throw new CorruptSpoolFile("bad lengths in the spool header");
        }
        long expected = (long) nl + 1 + envLength + mimeLength;
        if (envLength < 0 || mimeLength < 0 || expected != file.length) {
            throw new CorruptSpoolFile("the file has " + file.length + " bytes, its header announces " + expected
                    + " (truncated or half-written)");
        }
        byte[] env = Arrays.copyOfRange(file, nl + 1, nl + 1 + envLength);
        byte[] mime = Arrays.copyOfRange(file, nl + 1 + envLength, file.length);
        if (!digest(env, mime).equals(h[3])) {
            throw new CorruptSpoolFile("checksum mismatch (the content was altered)");
        }
        return new Message(Envelope.fromJson(env), mime);
    }

    private static String digest(byte[] env, byte[] mime) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(env);
            md.update(mime);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
