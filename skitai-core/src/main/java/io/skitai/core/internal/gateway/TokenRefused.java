package io.skitai.core.internal.gateway;

/** A bearer token the gateway does not accept, with what the client is told (never the token). */
final class TokenRefused extends Exception {

    TokenRefused(String description) {
        super(description, null, false, false);
    }
}
