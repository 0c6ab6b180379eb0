package io.skitai.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;

/**
 * What the engine hands a {@link Sidecar} when it starts it: where to listen, the engine's TLS key
 * (when {@code enableSsl} was called) and the engine's limits, so a sidecar can hold its clients to
 * the same bounds.
 *
 * @param address             the address the engine listens on
 * @param keyManagers         the engine's certificate chain and private key, when TLS is enabled
 * @param tlsProtocols        the TLS protocol versions the engine accepts (TLS 1.3 and 1.2)
 * @param handshakeTimeout    time allowed for a new connection's TLS handshake and first bytes
 *                            (the engine's header timeout)
 * @param keepAlive           idle time allowed on a connection (the engine's keep-alive)
 * @param maxConcurrentStreams concurrent HTTP/2 streams allowed per connection
 * @param maxHeaderBytes      the size allowed for one request's headers (metadata)
 */
public record SidecarContext(String address, Optional<KeyManagerFactory> keyManagers, List<String> tlsProtocols,
        Duration handshakeTimeout, Duration keepAlive, int maxConcurrentStreams, int maxHeaderBytes) {

    /** Freezes the lists. */
    public SidecarContext {
        tlsProtocols = List.copyOf(tlsProtocols);
    }
}
