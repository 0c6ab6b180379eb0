package io.skitai.core.internal;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.AlpnOpenListener;
import io.undertow.server.protocol.http.HttpOpenListener;
import io.undertow.server.protocol.http2.Http2OpenListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.XnioExecutor;
import org.xnio.channels.AcceptingChannel;
import org.xnio.ssl.SslConnection;

/**
 * The HTTPS listener: Undertow's own TLS, ALPN ({@code h2}, falling back to {@code http/1.1}) and
 * HTTP/1.1 pipeline, assembled as {@code Undertow.start()} does for an https listener, plus the one
 * thing Undertow lacks: a deadline on the TLS handshake. Undertow starts its request timers only
 * once ALPN has picked a protocol, so a client that connects and sends nothing, or stops halfway
 * through its ClientHello, would otherwise hold the connection forever.
 */
final class TlsListener implements AutoCloseable {

    private final AcceptingChannel<SslConnection> channel;

    private TlsListener(AcceptingChannel<SslConnection> channel) {
        this.channel = channel;
    }

    /**
     * Binds and starts accepting on Undertow's worker.
     *
     * @param serverOptions the Undertow options the plain listeners run with
     * @param socketOptions the socket options (TLS protocols included) the plain listeners run with
     */
    static TlsListener open(Undertow undertow, ByteBufferPool buffers, InetSocketAddress address, SSLContext ssl,
            OptionMap serverOptions, OptionMap socketOptions, HttpHandler root, Duration handshakeTimeout)
            throws IOException {
        OptionMap undertowOptions = OptionMap.builder().set(UndertowOptions.BUFFER_PIPELINED_DATA, true)
                .addAll(serverOptions).getMap();
        HttpOpenListener http1 = new HttpOpenListener(buffers, undertowOptions);
        http1.setRootHandler(root);
        AlpnOpenListener alpn = new AlpnOpenListener(buffers, undertowOptions, http1);
        if (serverOptions.get(UndertowOptions.ENABLE_HTTP2, false)) {
            Http2OpenListener http2 = new Http2OpenListener(buffers, undertowOptions);
            http2.setRootHandler(root);
            alpn.addProtocol(Http2OpenListener.HTTP2, http2, 10);
        }
        UndertowXnioSsl xnioSsl = new UndertowXnioSsl(undertow.getXnio(),
                OptionMap.create(Options.USE_DIRECT_BUFFERS, true), buffers, ssl);
        AcceptingChannel<SslConnection> channel = xnioSsl.createSslConnectionServer(undertow.getWorker(), address,
                ChannelListeners.openListenerAdapter(new HandshakeDeadline(alpn, handshakeTimeout)),
                OptionMap.builder().set(Options.TCP_NODELAY, true).set(Options.REUSE_ADDRESSES, true)
                        .set(Options.BACKLOG, 1000).addAll(socketOptions).getMap());
        channel.resumeAccepts();
        return new TlsListener(channel);
    }

    int port() {
        return channel.getLocalAddress(InetSocketAddress.class).getPort();
    }

    @Override
    public void close() {
        IoUtils.safeClose(channel);
    }

    /** Closes a connection whose TLS handshake has not finished within the timeout. */
    static final class HandshakeDeadline implements ChannelListener<StreamConnection> {

        private final ChannelListener<StreamConnection> next;
        private final long millis;

        HandshakeDeadline(ChannelListener<StreamConnection> next, Duration timeout) {
            this.next = next;
            this.millis = timeout.toMillis();
        }

        @Override
        public void handleEvent(StreamConnection connection) {
            if (connection instanceof SslConnection tls) {
                XnioExecutor.Key deadline = connection.getIoThread().executeAfter(
                        () -> IoUtils.safeClose(connection), millis, TimeUnit.MILLISECONDS);
                tls.getHandshakeSetter().set(done -> deadline.remove());
            }
            next.handleEvent(connection);
        }

        @Override
        public String toString() {
            return "HandshakeDeadline(" + millis + " ms, then " + next + ")";
        }
    }
}
