package io.skitai.atila.internal;

import io.skitai.atila.Authorization;
import io.skitai.core.Exchange;
import io.skitai.core.HttpError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Basic authentication (RFC 7617): {@code base64(user:password)} checked with the app's lookup; UTF-8. */
final class BasicAuth implements HttpAuth {

    private final AuthCredentials credentials;
    private final String challenge;

    BasicAuth(Authorization auth, AuthCredentials credentials) {
        this.credentials = credentials;
        this.challenge = "Basic realm=\"" + auth.realm() + "\", charset=\"UTF-8\"";
    }

    @Override
    public String authenticate(Call call) {
        Exchange ex = call.exchange();
        String encoded = HttpAuth.credentials(ex, "Basic")
                .orElseThrow(() -> HttpAuth.unauthorized(ex, Messages.authRequired("Basic"), List.of(challenge)));
        String text;
        try {
            byte[] raw = Base64.getDecoder().decode(encoded);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw HttpError.badRequest(Messages.badAuthorization("Basic", "the credentials are not base64 of UTF-8 text"));
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw HttpError.badRequest(Messages.badAuthorization("Basic", "the credentials have no ':' between user and password"));
        }
        String user = text.substring(0, colon);
        if (!credentials.matches(user, text.substring(colon + 1))) {
            throw HttpAuth.unauthorized(ex, Messages.authFailed(), List.of(challenge));
        }
        return user;
    }

    @Override
    public String toString() {
        return "Basic";
    }
}
