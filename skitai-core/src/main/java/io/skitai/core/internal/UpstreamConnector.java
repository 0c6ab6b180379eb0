package io.skitai.core.internal;

import io.undertow.UndertowOptions;
import io.undertow.client.ALPNClientSelector;
import io.undertow.client.ClientCallback;
import io.undertow.client.ClientConnection;
import io.undertow.client.UndertowClient;
import io.undertow.client.http.HttpClientProvider;
import io.undertow.client.http2.Http2ClientProvider;
import io.undertow.connector.ByteBufferPool;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import org.xnio.IoFuture;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;
import org.xnio.ssl.SslConnection;

/**
 * Opens upstream connections with Undertow's client on the server's IO threads (taken in turn):
 * plain HTTP/1.1 for {@code http://}; for {@code https://}, TLS with the upstream trust, host names
 * verified, and HTTP/2 when the upstream offers it by ALPN.
 */
final class UpstreamConnector {

    private static final OptionMap PLAIN = OptionMap.create(Options.TCP_NODELAY, true);
    /** TLS opened by hand (the handshake starts with ALPN), host names verified. */
    private static final OptionMap SECURE = OptionMap.builder().set(Options.TCP_NODELAY, true)
            .set(UndertowOptions.ENABLE_HTTP2, true).set(Options.SSL_STARTTLS, true)
            .set(UndertowOptions.ENDPOINT_IDENTIFICATION_ALGORITHM, "HTTPS").getMap();

    private final XnioWorker worker;
    private final ByteBufferPool buffers;
    private final RecordingTrustManager trust;
    private final UndertowXnioSsl ssl;
    /** How a TLS connection explains its failures, from the handshake to the pool (a refused certificate). */
    private final java.util.Map<ClientConnection, java.util.function.UnaryOperator<IOException>> explainers =
            new java.util.concurrent.ConcurrentHashMap<>();

    UpstreamConnector(XnioWorker worker, ByteBufferPool buffers, RecordingTrustManager trust) {
        this.worker = worker;
        this.buffers = buffers;
        this.trust = trust;
        try {
            this.ssl = new UndertowXnioSsl(worker.getXnio(), OptionMap.EMPTY, trust.context());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make a TLS context", e);
        }
    }

    /**
     * Starts opening a connection to {@code origin} on {@code thread} (null: the worker's choice);
     * {@code pool} hears how it went, once.
     */
    Attempt connect(URI origin, UpstreamPool pool, XnioIoThread thread) {
        XnioIoThread on = thread != null ? thread : worker.getIoThread();
        Attempt attempt = new Attempt(System.nanoTime());
        boolean secure = "https".equals(origin.getScheme());
        try {
            ClientCallback<ClientConnection> outcome = new ClientCallback<ClientConnection>() {
                @Override
                public void completed(ClientConnection connection) {
                    java.util.function.UnaryOperator<IOException> explainer = explainers.remove(connection);
                    if (attempt.finish()) {
                        pool.connected(attempt, connection, explainer == null ? e -> e : explainer);
                    } else {
                        IoUtils.safeClose(connection);
                    }
                }

                @Override
                public void failed(IOException e) {
                    if (attempt.finish()) {
                        pool.connectFailed(attempt, e);
                    }
                }
            };
            if (secure) {
                connectSecure(origin, on, outcome);
            } else {
                UndertowClient.getInstance().connect(outcome, origin, on, buffers, PLAIN);
            }
        } catch (RuntimeException e) {
            if (attempt.finish()) {
                pool.connectFailed(attempt, new IOException(e));
            }
        }
        return attempt;
    }

    /**
     * TLS, then HTTP/2 or HTTP/1.1 by ALPN, as Undertow's client does it, keeping hold of the TLS
     * engine so a refused certificate fails the attempt with the reason instead of a bare close.
     */
    private void connectSecure(URI origin, XnioIoThread thread, ClientCallback<ClientConnection> outcome) {
        InetSocketAddress address = new InetSocketAddress(origin.getHost(), origin.getPort());
        IoFuture<SslConnection> opening = ssl.openSslConnection(thread, address, connection -> {
            SSLEngine engine = UndertowXnioSsl.getSslEngine(connection);
            ClientCallback<ClientConnection> explained = new ClientCallback<>() {
                @Override
                public void completed(ClientConnection made) {
                    // A refused handshake may still end in ALPN's fallback with a closed connection.
                    if (!made.isOpen()) {
                        outcome.failed(explain(new java.nio.channels.ClosedChannelException(), engine));
                        return;
                    }
                    // ALPN picks the protocol mid-handshake: the connection is handed over only once
                    // the server's certificate was accepted, so a refused one fails the attempt (a
                    // proxy answers 502) instead of a request sent on it.
                    AtomicBoolean told = new AtomicBoolean();
                    Runnable ready = () -> {
                        if (told.compareAndSet(false, true)) {
                            explainers.put(made, e -> explain(e, engine));
                            outcome.completed(made);
                        }
                    };
                    made.addCloseListener(closed -> {
                        if (told.compareAndSet(false, true)) {
                            outcome.failed(explain(new java.nio.channels.ClosedChannelException(), engine));
                        }
                    });
                    if (engine.getHandshakeStatus() == javax.net.ssl.SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
                        ready.run();
                    } else {
                        connection.getHandshakeSetter().set(handshaken -> ready.run());
                    }
                }

                @Override
                public void failed(IOException e) {
                    outcome.failed(explain(e, engine));
                }
            };
            ALPNClientSelector.runAlpn(connection,
                    HttpClientProvider.alpnProtocol(explained, origin, buffers, SECURE).getSelected(), explained,
                    Http2ClientProvider.alpnProtocol(explained, origin, buffers, SECURE),
                    HttpClientProvider.alpnProtocol(explained, origin, buffers, SECURE));
        }, SECURE);
        opening.addNotifier((future, none) -> {
            if (future.getStatus() == IoFuture.Status.FAILED) {
                outcome.failed(future.getException());
            }
        }, null);
    }

    private IOException explain(IOException failure, SSLEngine engine) {
        return trust.refusal(engine).<IOException>map(refused -> {
            SSLHandshakeException e = new SSLHandshakeException(String.valueOf(refused.getMessage()));
            e.initCause(refused);
            return e;
        }).orElse(failure);
    }

    /** One connection being opened: finished once, by its outcome or by the connect time limit. */
    static final class Attempt {

        private final long started;
        private final AtomicBoolean done = new AtomicBoolean();

        Attempt(long started) {
            this.started = started;
        }

        long started() {
            return started;
        }

        boolean isDone() {
            return done.get();
        }

        /** Claims the outcome; false when it was already decided. */
        boolean finish() {
            return done.compareAndSet(false, true);
        }

        /** Gives up on it (too slow); false when it already finished. */
        boolean abandon() {
            return finish();
        }
    }
}
