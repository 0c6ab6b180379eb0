package io.skitai.atila;

import io.skitai.atila.internal.AuthUser;
import io.skitai.atila.internal.DigestHash;
import io.skitai.atila.internal.Messages;
import io.skitai.was.Was;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How an app checks HTTP authentication for its {@link AuthorizationRequired} routes: a realm, a
 * password lookup (or a lookup of stored Digest hashes) for Basic and Digest, and a token handler
 * for Bearer. Built once and given to {@link Atila#authorization(Authorization)}.
 *
 * <pre>{@code
 * app.authorization(Authorization.builder()
 *         .realm("api")
 *         .passwords(user -> Optional.ofNullable(users.get(user)))
 *         .bearer((was, token) -> tokens.userOf(token))
 *         .build());
 * }</pre>
 *
 * <p>Digest (RFC 7616) offers SHA-256 first and MD5 for older clients ({@link Builder#digestAlgorithms}),
 * always with {@code qop="auth"}, an {@code opaque} value and server nonces that expire after
 * {@link Builder#nonceLifetime} (a client then gets {@code stale=true} and retries with a new one);
 * a nonce count not above the last one seen for its nonce (a replay) is refused. Nonces and counts
 * belong to one process: with several workers a client that changes worker gets a stale nonce and
 * retries. Instead of plain passwords, an app may keep only the Digest hashes
 * {@code H(user:realm:password)} ({@link #ha1}) and look them up with {@link Builder#digestHashes};
 * Basic then checks a password against the same hash. Secrets are compared in constant time and
 * never logged.
 */
public final class Authorization {

    /** Looks a user's password up. */
    @FunctionalInterface
    public interface Passwords {

        /** The password of {@code user}, or empty when there is no such user. */
        Optional<String> password(String user);
    }

    /** Looks a user's stored Digest hash up. */
    @FunctionalInterface
    public interface DigestHashes {

        /**
         * The hex {@code H(user:realm:password)} of {@code user} for {@code algorithm}
         * ({@code "SHA-256"} or {@code "MD5"}), or empty when there is none.
         */
        Optional<String> ha1(String user, String realm, String algorithm);
    }

    /** Checks a bearer token. */
    @FunctionalInterface
    public interface BearerHandler {

        /** The user {@code token} stands for, or empty to refuse it (401 {@code error="invalid_token"}). */
        Optional<String> user(Was was, String token) throws Exception;
    }

    private final String realm;
    private final Passwords passwords;
    private final DigestHashes digestHashes;
    private final BearerHandler bearer;
    private final Duration nonceLifetime;
    private final List<String> digestAlgorithms;
    private final Clock clock;

    private Authorization(Builder b) {
        this.realm = b.realm;
        this.passwords = b.passwords;
        this.digestHashes = b.digestHashes;
        this.bearer = b.bearer;
        this.nonceLifetime = b.nonceLifetime;
        this.digestAlgorithms = b.digestAlgorithms;
        this.clock = b.clock;
    }

    /** A builder with realm {@code "skitai"}, 5-minute nonces and Digest algorithms SHA-256, MD5. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The user the request of {@code was} authenticated as through an {@link AuthorizationRequired}
     * check; empty on a route without one.
     */
    public static Optional<String> user(Was was) {
        return was.hasRequest() ? AuthUser.of(was.request()) : Optional.empty();
    }

    /**
     * The hex Digest hash {@code H(user:realm:password)} for {@code algorithm} ({@code "SHA-256"}
     * or {@code "MD5"}), to store instead of the password.
     */
    public static String ha1(String algorithm, String user, String realm, String password) {
        return DigestHash.of(algorithm).hex(user + ":" + realm + ":" + password);
    }

    /** The realm of the challenges. */
    public String realm() {
        return realm;
    }

    /** The password lookup, if set. */
    public Optional<Passwords> passwords() {
        return Optional.ofNullable(passwords);
    }

    /** The Digest hash lookup, if set. */
    public Optional<DigestHashes> digestHashes() {
        return Optional.ofNullable(digestHashes);
    }

    /** The bearer token handler, if set. */
    public Optional<BearerHandler> bearer() {
        return Optional.ofNullable(bearer);
    }

    /** How long a Digest nonce is good for. */
    public Duration nonceLifetime() {
        return nonceLifetime;
    }

    /** The Digest algorithms offered, preferred first. */
    public List<String> digestAlgorithms() {
        return digestAlgorithms;
    }

    /** The clock nonces are issued and expired by. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "Authorization(realm=" + realm + (passwords != null ? ", passwords" : "")
                + (digestHashes != null ? ", digest hashes" : "") + (bearer != null ? ", bearer" : "") + ")";
    }

    /** Builds an {@link Authorization}. */
    public static final class Builder {

        private String realm = "skitai";
        private Passwords passwords;
        private DigestHashes digestHashes;
        private BearerHandler bearer;
        private Duration nonceLifetime = Duration.ofMinutes(5);
        private List<String> digestAlgorithms = List.of("SHA-256", "MD5");
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The realm named in the challenges: printable, without quotes or backslashes. */
        public Builder realm(String realm) {
            if (realm == null || realm.isEmpty() || !realm.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\')) {
                throw new IllegalArgumentException(Messages.authSetting("realm", realm));
            }
            this.realm = realm;
            return this;
        }

        /** Looks passwords up for Basic and Digest. */
        public Builder passwords(Passwords passwords) {
            this.passwords = require(passwords, "passwords");
            return this;
        }

        /** Looks stored Digest hashes up for Digest and Basic (used instead of {@link #passwords} when both are set). */
        public Builder digestHashes(DigestHashes digestHashes) {
            this.digestHashes = require(digestHashes, "digestHashes");
            return this;
        }

        /** Checks bearer tokens. */
        public Builder bearer(BearerHandler bearer) {
            this.bearer = require(bearer, "bearer");
            return this;
        }

        /** How long a Digest nonce is good for (5 minutes by default). */
        public Builder nonceLifetime(Duration lifetime) {
            if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException(Messages.authSetting("nonceLifetime", lifetime));
            }
            this.nonceLifetime = lifetime;
            return this;
        }

        /** The Digest algorithms to offer, preferred first: {@code "SHA-256"} and/or {@code "MD5"}. */
        public Builder digestAlgorithms(String... algorithms) {
            if (algorithms == null || algorithms.length == 0) {
                throw new IllegalArgumentException(Messages.authSetting("digestAlgorithms", "none"));
            }
            for (String a : algorithms) {
                DigestHash.of(a);
            }
            this.digestAlgorithms = List.of(algorithms).stream().distinct().map(a -> DigestHash.of(a).name()).toList();
            return this;
        }

        /** The clock nonces are issued and expired by (the system clock by default; tests pass their own). */
        public Builder clock(Clock clock) {
            this.clock = require(clock, "clock");
            return this;
        }

        /** The authorization. */
        public Authorization build() {
            return new Authorization(this);
        }

        private static <T> T require(T value, String setting) {
            if (value == null) {
                throw new IllegalArgumentException(Messages.authSetting(setting, null));
            }
            return value;
        }
    }
}
