package io.skitai.atila.internal;

import io.skitai.atila.Authorization;
import io.skitai.core.Exchange;
import io.skitai.core.HttpError;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Digest authentication (RFC 7616) with {@code qop="auth"}: one challenge per offered algorithm
 * (SHA-256 first), all with the same nonce and opaque; the response is checked against the app's
 * password or hash, then the nonce's age ({@code stale=true} for an expired nonce with a correct
 * response) and its nonce count (a replay is refused). Neither {@code auth-int}, {@code -sess}
 * algorithms nor {@code userhash} are offered.
 */
final class DigestAuth implements HttpAuth {

    private static final Pattern NC = Pattern.compile("[0-9a-fA-F]{8}");
    private static final List<String> REQUIRED = List.of("realm", "nonce", "uri", "response", "qop", "nc", "cnonce");

    private final Authorization auth;
    private final AuthCredentials credentials;
    private final DigestNonces nonces;

    DigestAuth(Authorization auth, AuthCredentials credentials, DigestNonces nonces) {
        this.auth = auth;
        this.credentials = credentials;
        this.nonces = nonces;
    }

    @Override
    public String authenticate(Call call) {
        Exchange ex = call.exchange();
        String text = HttpAuth.credentials(ex, "Digest").orElseThrow(() -> refuse(ex, Messages.authRequired("Digest"), false));
        Map<String, String> p;
        try {
            p = AuthParams.parse(text);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        String user = user(p);
        for (String name : REQUIRED) {
            if (!p.containsKey(name)) {
                throw bad("'" + name + "' is missing");
            }
        }
        if ("true".equalsIgnoreCase(p.get("userhash"))) {
            throw bad("userhash is not supported");
        }
        if (!NC.matcher(p.get("nc")).matches()) {
            throw bad("nc must be 8 hex digits");
        }
        if (!p.get("uri").equals(ex.requestUri())) {
            throw bad("uri does not match the request");
        }
        DigestHash hash = offered(p.getOrDefault("algorithm", "MD5"))
                .orElseThrow(() -> refuse(ex, Messages.digestRefused("algorithm " + Converters.clip(p.get("algorithm")) + " is not offered"), false));
        if (!p.get("realm").equals(auth.realm()) || !nonces.opaque().equals(p.getOrDefault("opaque", ""))) {
            throw refuse(ex, Messages.digestRefused("realm or opaque do not match the challenge"), false);
        }
        if (!p.get("qop").equalsIgnoreCase("auth")) {
            throw refuse(ex, Messages.digestRefused("qop must be auth"), false);
        }
        String nonce = p.get("nonce");
        DigestNonces.State state = nonces.check(nonce);
        if (state == DigestNonces.State.INVALID) {
            throw refuse(ex, Messages.digestRefused("the nonce was not issued by this server"), false);
        }
        String ha1 = credentials.ha1(user, hash).orElse(AuthCredentials.dummy());
        String ha2 = hash.hex(ex.method() + ":" + p.get("uri"));
        String expected = hash.hex(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + p.get("qop") + ":" + ha2);
        if (!DigestHash.same(expected, p.get("response"))) {
            throw refuse(ex, Messages.authFailed(), false);
        }
        if (state == DigestNonces.State.STALE) {
            throw refuse(ex, Messages.staleNonce(), true);
        }
        if (!nonces.count(nonce, Long.parseLong(p.get("nc"), 16))) {
            throw refuse(ex, Messages.replayedNonceCount(), false);
        }
        return user;
    }

    /** The user of {@code username} or, RFC 8187 encoded, {@code username*}. */
    private static String user(Map<String, String> p) {
        String plain = p.get("username");
        String extended = p.get("username*");
        if ((plain == null) == (extended == null)) {
            throw bad("give one of username and username*");
        }
        if (plain != null) {
            return plain;
        }
        int quote = extended.indexOf('\'');
        int second = quote < 0 ? -1 : extended.indexOf('\'', quote + 1);
        if (second < 0 || !extended.substring(0, quote).equalsIgnoreCase("UTF-8")) {
            throw bad("username* must be UTF-8''percent-encoded");
        }
        try {
            return URLDecoder.decode(extended.substring(second + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad("username* must be UTF-8''percent-encoded");
        }
    }

    private Optional<DigestHash> offered(String algorithm) {
        return auth.digestAlgorithms().stream().filter(a -> a.equalsIgnoreCase(algorithm)).findFirst().map(DigestHash::of);
    }

    private HttpError refuse(Exchange ex, String message, boolean stale) {
        return HttpAuth.unauthorized(ex, message, challenges(stale));
    }

    private static HttpError bad(String problem) {
        return HttpError.badRequest(Messages.badAuthorization("Digest", problem));
    }

    /** A challenge per offered algorithm, with one fresh nonce. */
    List<String> challenges(boolean stale) {
        String nonce = nonces.issue();
        List<String> out = new ArrayList<>();
        for (String algorithm : auth.digestAlgorithms()) {
            out.add("Digest realm=\"" + auth.realm() + "\", qop=\"auth\", algorithm=" + algorithm.toUpperCase(Locale.ROOT)
                    + ", nonce=\"" + nonce + "\", opaque=\"" + nonces.opaque() + "\"" + (stale ? ", stale=true" : ""));
        }
        return out;
    }

    @Override
    public String toString() {
        return "Digest";
    }
}
