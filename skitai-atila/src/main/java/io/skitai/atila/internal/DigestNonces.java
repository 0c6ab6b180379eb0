package io.skitai.atila.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server nonces of Digest authentication: each one carries its issue time and a random part, signed
 * with a per-process key, so the server keeps no state for a nonce until it is used. Checks a
 * nonce's signature and age, and its nonce counts: each count must be above the last one accepted
 * for that nonce (a repeated or older count is a replay). Counts of expired nonces are dropped.
 */
final class DigestNonces {

    /** What a nonce is. */
    enum State {
        /** Issued here and not expired. */
        VALID,
        /** Issued here but expired: the client should retry with a fresh one ({@code stale=true}). */
        STALE,
        /** Not issued here (forged, truncated, or of another process). */
        INVALID
    }

    private static final int TIME = 8;
    private static final int RANDOM = 12;
    private static final int MAC = 16;
    private static final SecureRandom RANDOMS = new SecureRandom();

    private final SecretKeySpec key;
    private final String opaque;
    private final Clock clock;
    private final long lifetime;
    private final ConcurrentHashMap<String, Long> counts = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    DigestNonces(Clock clock, Duration lifetime) {
        byte[] secret = new byte[32];
        RANDOMS.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        byte[] o = new byte[16];
        RANDOMS.nextBytes(o);
        this.opaque = HexFormat.of().formatHex(o);
        this.clock = clock;
        this.lifetime = lifetime.toMillis();
        this.lastSweep = clock.millis();
    }

    /** The {@code opaque} value of this server's challenges. */
    String opaque() {
        return opaque;
    }

    /** A fresh nonce. */
    String issue() {
        ByteBuffer b = ByteBuffer.allocate(TIME + RANDOM + MAC);
        b.putLong(clock.millis());
        byte[] r = new byte[RANDOM];
        RANDOMS.nextBytes(r);
        b.put(r);
        b.put(mac(b.array(), TIME + RANDOM));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** Whether {@code nonce} was issued here, and whether it expired. */
    State check(String nonce) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return State.INVALID;
        }
        if (raw.length != TIME + RANDOM + MAC
                || !MessageDigest.isEqual(mac(raw, TIME + RANDOM), Arrays.copyOfRange(raw, TIME + RANDOM, raw.length))) {
            return State.INVALID;
        }
        long age = clock.millis() - ByteBuffer.wrap(raw).getLong();
        if (age < -lifetime) {
            return State.INVALID;
        }
        return age > lifetime ? State.STALE : State.VALID;
    }

    /**
     * Records {@code nc} for a valid {@code nonce}; {@code false} when it is not above the last
     * count accepted for that nonce (a replay).
     */
    boolean count(String nonce, long nc) {
        sweep();
        boolean[] fresh = {false};
        counts.compute(nonce, (k, seen) -> {
            fresh[0] = seen == null || nc > seen;
            return fresh[0] ? Long.valueOf(nc) : seen;
        });
        return fresh[0];
    }

    /** Drops the counts of nonces that expired, at most once per lifetime. */
    private void sweep() {
        long now = clock.millis();
        if (now - lastSweep < lifetime) {
            return;
        }
        lastSweep = now;
        counts.keySet().removeIf(n -> check(n) != State.VALID);
    }

    private byte[] mac(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(data, 0, length);
            return Arrays.copyOf(mac.doFinal(), MAC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
