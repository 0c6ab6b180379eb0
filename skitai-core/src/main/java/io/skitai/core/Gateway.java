package io.skitai.core;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API gateway's settings ({@link ServerBuilder#enableGateway(Gateway)}, Python's
 * {@code skitai.enable_gateway(True, secret)}): with it on, every reverse-proxied mount
 * ({@code mount("/members", "@members")}) admits only requests with a valid bearer token, and only
 * callers with the alias's {@code role}.
 *
 * <p>A JWT is verified here, with the algorithms pinned by what is configured: {@code HS256} with
 * the {@linkplain Builder#secret secret}, {@code RS256}/{@code ES256} with {@linkplain Builder#publicKey
 * public keys} or the keys of a {@linkplain Builder#jwks JWKS URL} (fetched again, at most every
 * {@code minRefetch}, when a token names an unknown {@code kid}, so rotated keys are picked up and
 * retired ones stop working). {@code exp} is required; {@code exp}, {@code nbf} and {@code iat} are
 * checked with {@linkplain Builder#leeway a small leeway}; {@code iss} and {@code aud} when set.
 * Any other bearer token goes to {@link GatewayAuth#handleToken}.
 *
 * <p>A missing or bad token is refused with 401 and {@code WWW-Authenticate: Bearer ...}; a missing
 * role with 403. {@code X-Forwarded-For} is believed only from {@linkplain Builder#trustForwardedFrom
 * trusted proxies} (for the alias's {@code source} networks).
 */
public final class Gateway {

    /** No gateway: proxied mounts are open (an alias's source networks still apply). */
    public static final Gateway OFF = new Builder().build(false);

    /** Where the server's configuration keeps it ({@link ServerBuilder#enableGateway(Gateway)}). */
    public static final Setting<Gateway> SETTING = Setting.of("core.gateway", Gateway.class, OFF);

    private final boolean enabled;
    private final byte[] secret;
    private final Map<String, PublicKey> publicKeys;
    private final Optional<URI> jwks;
    private final Duration jwksRefresh;
    private final Duration jwksMinRefetch;
    private final Optional<String> issuer;
    private final Optional<String> audience;
    private final Duration leeway;
    private final GatewayAuth auth;
    private final List<String> trustedProxies;
    private final int maxTokenLength;

    private Gateway(Builder b, boolean enabled) {
        this.enabled = enabled;
        this.secret = b.secret;
        this.publicKeys = Map.copyOf(b.publicKeys);
        this.jwks = Optional.ofNullable(b.jwks);
        this.jwksRefresh = b.jwksRefresh;
        this.jwksMinRefetch = b.jwksMinRefetch;
        this.issuer = Optional.ofNullable(b.issuer);
        this.audience = Optional.ofNullable(b.audience);
        this.leeway = b.leeway;
        this.auth = b.auth;
        this.trustedProxies = List.copyOf(b.trustedProxies);
        this.maxTokenLength = b.maxTokenLength;
    }

    /** Python's {@code enable_gateway(True, secret)}: HS256 JWTs signed with {@code secret}, claims mapped by default. */
    public static Gateway hs256(String secret) {
        return builder().secret(secret).build();
    }

    /** A builder for the other settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the gateway is on. */
    public boolean enabled() {
        return enabled;
    }

    /** The HS256 secret, if any (a copy). */
    public Optional<byte[]> secret() {
        return Optional.ofNullable(secret).map(byte[]::clone);
    }

    /** The RS256/ES256 keys by key id ({@code ""}: a key for tokens without a {@code kid}). */
    public Map<String, PublicKey> publicKeys() {
        return publicKeys;
    }

    /** The JWKS URL, if any. */
    public Optional<URI> jwks() {
        return jwks;
    }

    /** How long fetched JWKS keys are used before they are fetched again. */
    public Duration jwksRefresh() {
        return jwksRefresh;
    }

    /** The least time between two fetches of the JWKS (a token with an unknown {@code kid} asks for one). */
    public Duration jwksMinRefetch() {
        return jwksMinRefetch;
    }

    /** The required {@code iss}, if any. */
    public Optional<String> issuer() {
        return issuer;
    }

    /** The required {@code aud}, if any. */
    public Optional<String> audience() {
        return audience;
    }

    /** The clock skew allowed on {@code exp}, {@code nbf} and {@code iat}. */
    public Duration leeway() {
        return leeway;
    }

    /** What finds the caller of a token. */
    public GatewayAuth auth() {
        return auth;
    }

    /** The proxies (CIDR networks) whose {@code X-Forwarded-For} is believed. */
    public List<String> trustedProxies() {
        return trustedProxies;
    }

    /** The longest bearer token looked at; longer ones are refused unread. */
    public int maxTokenLength() {
        return maxTokenLength;
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        if (!enabled) {
            return "Gateway[off]";
        }
        return "Gateway[" + (secret != null ? "HS256 " : "") + (publicKeys.isEmpty() ? "" : publicKeys.size() + " public keys ")
                + jwks.map(u -> "jwks " + u + " ").orElse("") + "leeway " + leeway.toSeconds() + "s]";
    }

    /** Collects a gateway's settings. */
    public static final class Builder {

        private byte[] secret;
        private final Map<String, PublicKey> publicKeys = new LinkedHashMap<>();
        private URI jwks;
        private Duration jwksRefresh = Duration.ofMinutes(10);
        private Duration jwksMinRefetch = Duration.ofSeconds(30);
        private String issuer;
        private String audience;
        private Duration leeway = Duration.ofSeconds(30);
        private GatewayAuth auth = GatewayAuth.CLAIMS;
        private final List<String> trustedProxies = new ArrayList<>();
        private int maxTokenLength = 4096;

        private Builder() {}

        /** Accepts HS256 JWTs signed with {@code secret} (at least 32 bytes, as RFC 7518 3.2 asks). */
        public Builder secret(String secret) {
            if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
                throw new IllegalArgumentException("a gateway secret needs at least 32 bytes (RFC 7518 3.2)");
            }
            this.secret = secret.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** Accepts tokens without a {@code kid} signed by {@code key}: RS256 for an RSA key, ES256 for a P-256 one. */
        public Builder publicKey(PublicKey key) {
            return publicKey("", key);
        }

        /** Accepts tokens whose {@code kid} is {@code keyId} signed by {@code key} (RS256 or ES256 by its type). */
        public Builder publicKey(String keyId, PublicKey key) {
            if (!(key instanceof RSAPublicKey) && !(key instanceof ECPublicKey)) {
                throw new IllegalArgumentException("a gateway public key is an RSA or an EC (P-256) key, not " + key);
            }
            publicKeys.put(keyId == null ? "" : keyId, key);
            return this;
        }

        /** Accepts RS256/ES256 tokens signed by a key of the JSON Web Key Set at {@code url}, chosen by {@code kid}. */
        public Builder jwks(URI url) {
            this.jwks = url;
            return this;
        }

        /** How long fetched JWKS keys are used ({@code refresh}) and the least time between two fetches ({@code minRefetch}). */
        public Builder jwksTiming(Duration refresh, Duration minRefetch) {
            this.jwksRefresh = positive(refresh, "refresh");
            this.jwksMinRefetch = minRefetch.isNegative() ? Duration.ZERO : minRefetch;
            return this;
        }

        /** Requires {@code iss} to be {@code issuer}. */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Requires {@code aud} to contain {@code audience}. */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** The clock skew allowed on {@code exp}, {@code nbf} and {@code iat} (default 30 s, at most 5 min). */
        public Builder leeway(Duration leeway) {
            if (leeway.isNegative() || leeway.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("a gateway leeway is between 0 and 5 minutes, not " + leeway);
            }
            this.leeway = leeway;
            return this;
        }

        /** What finds the caller of a token (default {@link GatewayAuth#CLAIMS}). */
        public Builder auth(GatewayAuth auth) {
            this.auth = java.util.Objects.requireNonNull(auth, "auth");
            return this;
        }

        /** Believes {@code X-Forwarded-For} from these proxies (CIDR networks or addresses). */
        public Builder trustForwardedFrom(String... networks) {
            trustedProxies.addAll(List.of(networks));
            return this;
        }

        /** The longest bearer token looked at (default 4096 characters). */
        public Builder maxTokenLength(int length) {
            if (length < 64) {
                throw new IllegalArgumentException("a gateway's max token length is at least 64, not " + length);
            }
            this.maxTokenLength = length;
            return this;
        }

        /** The gateway, on. */
        public Gateway build() {
            return build(true);
        }

        private Gateway build(boolean enabled) {
            return new Gateway(this, enabled);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || !d.isPositive()) {
                throw new IllegalArgumentException("the JWKS " + what + " time must be positive, not " + d);
            }
            return d;
        }
    }
}
