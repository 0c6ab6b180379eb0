package io.skitai.atila.internal;

import io.skitai.atila.Authorization;
import io.skitai.core.Exchange;
import io.skitai.core.HttpError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Bearer tokens (RFC 6750): the app's handler says which user a token stands for, if any. */
final class BearerAuth implements HttpAuth {

    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

    private final Authorization.BearerHandler handler;
    private final String challenge;

    BearerAuth(Authorization auth, Authorization.BearerHandler handler) {
        this.handler = handler;
        this.challenge = "Bearer realm=\"" + auth.realm() + "\"";
    }

    @Override
    public String authenticate(Call call) throws Exception {
        Exchange ex = call.exchange();
        String token = HttpAuth.credentials(ex, "Bearer")
                .orElseThrow(() -> HttpAuth.unauthorized(ex, Messages.authRequired("Bearer"), List.of(challenge)));
        if (!B64TOKEN.matcher(token).matches()) {
            throw new HttpError(400, Messages.badAuthorization("Bearer", "the token has characters a bearer token cannot have"),
                    Map.of("WWW-Authenticate", challenge + ", error=\"invalid_request\""), null);
        }
        Optional<String> user = handler.user(call.was(), token);
        if (user == null || user.isEmpty()) {
            throw HttpAuth.unauthorized(ex, Messages.badToken(), List.of(challenge + ", error=\"invalid_token\""));
        }
        return user.get();
    }

    @Override
    public String toString() {
        return "Bearer";
    }
}
