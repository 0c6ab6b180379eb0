package io.skitai.core.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The signing keys of a JSON Web Key Set URL (RFC 7517), by {@code kid}: RSA keys and EC P-256 keys
 * meant for signatures. Fetched on first use, again after {@code refresh}, and again when a token
 * names an unknown {@code kid} but at most once per {@code minRefetch}, so a key the issuer added
 * is found and a key it retired stops working, while tokens with made-up ids cannot make it fetch
 * in a loop. A failed fetch keeps the keys it had.
 */
final class JwksKeys {

    private static final System.Logger LOG = System.getLogger("io.skitai.core.gateway");
    private static final int MAX_BYTES = 256 * 1024;

    private final URI url;
    private final Duration refresh;
    private final Duration minRefetch;
    /** The server's upstream client (its trust settings and pools), as for every other upstream call. */
    private final java.util.function.Supplier<io.skitai.core.UpstreamClient> http;
    private final ObjectMapper json = new ObjectMapper();
    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
    private Map<String, PublicKey> keys = Map.of();
    private long fetchedAt = Long.MIN_VALUE / 2;

    JwksKeys(URI url, Duration refresh, Duration minRefetch, java.util.function.Supplier<io.skitai.core.UpstreamClient> http) {
        this.url = url;
        this.refresh = refresh;
        this.minRefetch = minRefetch;
        this.http = http;
    }

    /** The key called {@code kid}, fetching the set when it is stale or does not know the id. */
    Optional<PublicKey> key(String kid) {
        // A lock, not synchronized: the fetch blocks, and a virtual thread must not pin its carrier (JDK 21).
        lock.lock();
        try {
            long now = System.nanoTime();
            if (now - fetchedAt > refresh.toNanos()
                    || (!keys.containsKey(kid) && now - fetchedAt >= minRefetch.toNanos())) {
                fetch(now);
            }
            return Optional.ofNullable(keys.get(kid));
        } finally {
            lock.unlock();
        }
    }

    private void fetch(long now) {
        fetchedAt = now;
        try {
            io.skitai.core.UpstreamResponse r = http.get().send(io.skitai.core.UpstreamRequest.of("GET", url, java.util.Map.of()))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            if (r.status() != 200 || r.body().length > MAX_BYTES) {
                LOG.log(System.Logger.Level.WARNING, "JWKS " + url + " answered " + r.status() + "; keeping " + keys.size() + " keys");
                return;
            }
            keys = parse(json.readTree(r.body()));
        } catch (java.io.IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "JWKS " + url + " could not be read (" + e + "); keeping " + keys.size() + " keys");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The signature keys of a JWK set; entries that are not RSA or P-256 signature keys are left out. */
    static Map<String, PublicKey> parse(JsonNode set) {
        Map<String, PublicKey> out = new HashMap<>();
        for (JsonNode k : set.path("keys")) {
            String kid = k.path("kid").asText("");
            String use = k.path("use").asText("sig");
            if (kid.isEmpty() || !use.equals("sig")) {
                continue;
            }
            try {
                switch (k.path("kty").asText()) {
                    case "RSA" -> out.put(kid, KeyFactory.getInstance("RSA").generatePublic(
                            new RSAPublicKeySpec(number(k, "n"), number(k, "e"))));
                    case "EC" -> {
                        if (k.path("crv").asText().equals("P-256")) {
                            out.put(kid, KeyFactory.getInstance("EC").generatePublic(
                                    new ECPublicKeySpec(new ECPoint(number(k, "x"), number(k, "y")), p256())));
                        }
                    }
                    default -> { }
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "JWKS key " + kid + " left out: " + e.getMessage());
            }
        }
        return Map.copyOf(out);
    }

    private static BigInteger number(JsonNode key, String field) {
        String v = key.path(field).asText("");
        if (v.isEmpty()) {
            throw new IllegalArgumentException("no " + field);
        }
        return new BigInteger(1, Base64.getUrlDecoder().decode(v));
    }

    private static ECParameterSpec p256() throws GeneralSecurityException {
        AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
        p.init(new ECGenParameterSpec("secp256r1"));
        return p.getParameterSpec(ECParameterSpec.class);
    }
}
