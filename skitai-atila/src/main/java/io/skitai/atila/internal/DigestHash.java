package io.skitai.atila.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** A Digest algorithm of RFC 7616 ({@code SHA-256} or {@code MD5}): its name and its hex hash. */
public final class DigestHash {

    private static final DigestHash SHA_256 = new DigestHash("SHA-256");
    private static final DigestHash MD5 = new DigestHash("MD5");

    private final String name;

    private DigestHash(String name) {
        this.name = name;
    }

    /**
     * The algorithm called {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException for any other algorithm
     */
    public static DigestHash of(String name) {
        String n = name == null ? "" : name.toUpperCase(Locale.ROOT);
        return switch (n) {
            case "SHA-256" -> SHA_256;
            case "MD5" -> MD5;
            default -> throw new IllegalArgumentException(Messages.authSetting("digest algorithm", name));
        };
    }

    /** The algorithm's name as RFC 7616 spells it. */
    public String name() {
        return name;
    }

    /** The lower-case hex hash of {@code text} in UTF-8. */
    public String hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(name).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether two hex hashes are equal, in time that does not depend on where they differ (case-insensitive). */
    static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                b.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return name;
    }
}
