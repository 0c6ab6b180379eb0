package io.skitai.atila.internal;

import io.skitai.atila.Authorization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The app's password or Digest-hash lookup of an {@link Authorization}, as Basic and Digest use it.
 * Comparisons take the same time whether the user exists or not and wherever the secrets differ.
 */
final class AuthCredentials {

    private static final String DUMMY;

    static {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        DUMMY = HexFormat.of().formatHex(b);
    }

    private final Authorization auth;

    AuthCredentials(Authorization auth) {
        this.auth = auth;
    }

    /** Whether Basic and Digest can check anything: a password or hash lookup is set. */
    boolean present() {
        return auth.passwords().isPresent() || auth.digestHashes().isPresent();
    }

    /** The hex {@code H(user:realm:password)} of {@code user} for {@code hash}, if the app knows one. */
    Optional<String> ha1(String user, DigestHash hash) {
        if (auth.digestHashes().isPresent()) {
            return auth.digestHashes().get().ha1(user, auth.realm(), hash.name());
        }
        return auth.passwords().flatMap(p -> p.password(user)).map(pw -> hash.hex(user + ":" + auth.realm() + ":" + pw));
    }

    /** A hash that matches no response, for an unknown user (so that it takes as long as a known one). */
    static String dummy() {
        return DUMMY;
    }

    /** Whether {@code password} is the password of {@code user}. */
    boolean matches(String user, String password) {
        if (auth.digestHashes().isPresent()) {
            for (String algorithm : auth.digestAlgorithms()) {
                DigestHash hash = DigestHash.of(algorithm);
                Optional<String> stored = auth.digestHashes().get().ha1(user, auth.realm(), hash.name());
                if (stored.isPresent()) {
                    return DigestHash.same(hash.hex(user + ":" + auth.realm() + ":" + password), stored.get());
                }
            }
            DigestHash.same(DigestHash.of("SHA-256").hex(password), DUMMY);
            return false;
        }
        Optional<String> stored = auth.passwords().flatMap(p -> p.password(user));
        byte[] given = sha256(password);
        byte[] expected = sha256(stored.orElse(DUMMY));
        return MessageDigest.isEqual(given, expected) & stored.isPresent();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
