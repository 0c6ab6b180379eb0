package io.skitai.core.internal;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.AlpnOpenListener;
import io.undertow.server.protocol.http.HttpOpenListener;
import io.undertow.server.protocol.http2.Http2OpenListener;
import io.undertow.server.protocol.http2.Http2UpgradeHandler;
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
import org.xnio.conduits.ConduitStreamSourceChannel;
import org.xnio.conduits.StreamSourceConduit;
import org.xnio.ssl.SslConnection;

/**
 * The main listener, plain or TLS, assembled from Undertow's parts as {@code Undertow.start()}
 * does (HTTP/1.1 with h2c upgrade; or TLS with ALPN {@code h2}, falling back to {@code http/1.1}),
 * plus what Undertow lacks: every connection's bytes pass an {@link Http1Inspector} before
 * Undertow's parser, and a TLS handshake has a deadline (Undertow starts its request timers only
 * once ALPN has picked a protocol, so a client that stops halfway through its ClientHello would
 * otherwise hold the connection forever).
 */
final class MainListener implements AutoCloseable {

    private final AcceptingChannel<? extends StreamConnection> channel;

    private MainListener(AcceptingChannel<? extends StreamConnection> channel) {
        this.channel = channel;
    }

    /** Binds a plain listener and starts accepting on Undertow's worker. */
    static MainListener plain(Undertow undertow, ByteBufferPool buffers, InetSocketAddress address,
            EngineConfig.Limits limits, OptionMap serverOptions, OptionMap socketOptions, HttpHandler root)
            throws IOException {
        HttpOpenListener http1 = new HttpOpenListener(buffers, undertowOptions(serverOptions));
        http1.setRootHandler(serverOptions.get(UndertowOptions.ENABLE_HTTP2, false) ? new Http2UpgradeHandler(root) : root);
        AcceptingChannel<StreamConnection> channel = undertow.getWorker().createStreamConnectionServer(address,
                ChannelListeners.openListenerAdapter(new Inspected(http1, limits, true)), acceptOptions(socketOptions));
        channel.resumeAccepts();
        return new MainListener(channel);
    }

    /**
     * Binds a TLS listener and starts accepting on Undertow's worker.
     *
     * @param serverOptions the Undertow options the plain listeners run with
     * @param socketOptions the socket options (TLS protocols included) the plain listeners run with
     */
    static MainListener tls(Undertow undertow, ByteBufferPool buffers, InetSocketAddress address, SSLContext ssl,
            EngineConfig.Limits limits, OptionMap serverOptions, OptionMap socketOptions, HttpHandler root,
            Duration handshakeTimeout) throws IOException {
        OptionMap undertowOptions = undertowOptions(serverOptions);
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
                ChannelListeners.openListenerAdapter(new HandshakeDeadline(new Inspected(alpn, limits, false), handshakeTimeout)),
                acceptOptions(socketOptions));
        channel.resumeAccepts();
        return new MainListener(channel);
    }

    private static OptionMap undertowOptions(OptionMap serverOptions) {
        return OptionMap.builder().set(UndertowOptions.BUFFER_PIPELINED_DATA, true).addAll(serverOptions).getMap();
    }

    private static OptionMap acceptOptions(OptionMap socketOptions) {
        return OptionMap.builder().set(Options.TCP_NODELAY, true).set(Options.REUSE_ADDRESSES, true)
                .set(Options.BACKLOG, 1000).addAll(socketOptions).getMap();
    }

    int port() {
        return channel.getLocalAddress(InetSocketAddress.class).getPort();
    }

    /** Stops accepting; open connections stay until the worker stops. */
    @Override
    public void close() {
        IoUtils.safeClose(channel);
    }

    /**
     * Puts an {@link Http1Inspector} under every new connection's reads, and under it, on plain
     * connections, {@link LazyReadSuspension} (TLS needs its reads as its engine asks for them).
     */
    private record Inspected(ChannelListener<StreamConnection> next, EngineConfig.Limits limits, boolean lazySuspend)
            implements ChannelListener<StreamConnection> {

        @Override
        public void handleEvent(StreamConnection connection) {
            ConduitStreamSourceChannel source = connection.getSourceChannel();
            StreamSourceConduit raw = lazySuspend ? new LazyReadSuspension(source.getConduit()) : source.getConduit();
            source.setConduit(new Http1Inspector(raw, limits));
            next.handleEvent(connection);
        }
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
