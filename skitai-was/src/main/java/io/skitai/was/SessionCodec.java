package io.skitai.was;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks values that leave the server (session cookies, CSRF tokens): {@code
 * base64url(payload) "." base64url(HMAC-SHA256(secret, purpose "|" payload))}, signed with the first
 * secret and accepted with any (rotation), compared in constant time. The purpose keeps a value
 * signed for one use from being replayed in another.
 */
final class SessionCodec {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final List<byte[]> secrets;

    SessionCodec(List<String> secrets) {
        this.secrets = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** A random id of 128 bits, URL-safe. */
    static String newId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return B64.encodeToString(b);
    }

    String sign(String purpose, byte[] payload) {
        String body = B64.encodeToString(payload);
        return body + "." + B64.encodeToString(mac(secrets.get(0), purpose, body));
    }

    /** The payload of {@code signed} when a secret signed it for {@code purpose}. */
    Optional<byte[]> verify(String purpose, String signed) {
        if (signed == null || signed.length() > 8192) {
            return Optional.empty();
        }
        int dot = signed.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String body = signed.substring(0, dot);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signed.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (byte[] secret : secrets) {
            if (MessageDigest.isEqual(mac(secret, purpose, body), given)) {
                try {
                    return Optional.of(Base64.getUrlDecoder().decode(body));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static byte[] mac(byte[] secret, String purpose, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal((purpose + "|" + body).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
