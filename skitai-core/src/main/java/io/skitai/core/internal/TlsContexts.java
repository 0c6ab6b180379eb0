package io.skitai.core.internal;

import javax.net.ssl.SSLContext;

/** Builds the server's SSLContext from PEM files. */
final class TlsContexts {

    private TlsContexts() {}

    static SSLContext load(EngineConfig.Tls tls) {
        throw new UnsupportedOperationException("TLS: work in progress");
    }
}
