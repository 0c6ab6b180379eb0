package io.skitai.core.internal;

import io.undertow.conduits.IdleTimeoutConduit;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xnio.ChannelListeners;
import org.xnio.IoFuture;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.channels.StreamSinkChannel;

/**
 * A {@code CONNECT} tunnel: the connection to the checked destination is opened first (502 when it
 * cannot be), then the client gets 200 and bytes are copied both ways until either side closes or
 * nothing moved for the tunnel keep-alive.
 */
final class ConnectTunnel {

    private static final long CONNECT_SECONDS = 10;

    private ConnectTunnel() {}

    /** Opens the tunnel for {@code exchange} to {@code destination}; blocks, so runs off the IO thread. */
    static void open(HttpServerExchange exchange, InetSocketAddress destination, Duration idle) {
        StreamConnection upstream;
        try {
            upstream = connect(exchange, destination);
        } catch (IOException | TimeoutException e) {
            ErrorResponses.send(exchange, 502, "the proxy could not connect to the destination", true);
            return;
        }
        ByteBufferPool buffers = exchange.getConnection().getByteBufferPool();
        exchange.acceptConnectRequest((client, ex) -> splice(client, upstream, idle, buffers));
        exchange.setStatusCode(200);
        exchange.endExchange();
    }

    private static StreamConnection connect(HttpServerExchange exchange, InetSocketAddress destination)
            throws IOException, TimeoutException {
        CompletableFuture<StreamConnection> done = new CompletableFuture<>();
        IoFuture<StreamConnection> f = exchange.getConnection().getWorker().openStreamConnection(destination, null,
                OptionMap.create(Options.TCP_NODELAY, true));
        f.addNotifier(new IoFuture.HandlingNotifier<StreamConnection, Void>() {
            @Override
            public void handleDone(StreamConnection c, Void a) {
                done.complete(c);
            }

            @Override
            public void handleFailed(IOException e, Void a) {
                done.completeExceptionally(e);
            }

            @Override
            public void handleCancelled(Void a) {
                done.completeExceptionally(new IOException("cancelled"));
            }
        }, null);
        try {
            return done.get(CONNECT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel();
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel();
            throw new IOException("interrupted", e);
        }
    }

    private static void splice(StreamConnection client, StreamConnection upstream, Duration idle, ByteBufferPool buffers) {
        idleTimeout(client, idle);
        idleTimeout(upstream, idle);
        // When one side closes, the other is closed too: the tunnel is one conversation.
        client.setCloseListener(c -> IoUtils.safeClose(upstream));
        upstream.setCloseListener(c -> IoUtils.safeClose(client));
        copy(client, upstream, buffers);
        copy(upstream, client, buffers);
    }

    private static void copy(StreamConnection from, StreamConnection to, ByteBufferPool buffers) {
        io.undertow.util.Transfer.initiateTransfer(from.getSourceChannel(), to.getSinkChannel(),
                ChannelListeners.closingChannelListener(),
                ChannelListeners.writeShutdownChannelListener(ChannelListeners.<StreamSinkChannel>flushingChannelListener(
                        ChannelListeners.closingChannelListener(), ChannelListeners.closingChannelExceptionHandler()),
                        ChannelListeners.closingChannelExceptionHandler()),
                (channel, e) -> IoUtils.safeClose(from, to), (channel, e) -> IoUtils.safeClose(from, to), buffers);
    }

    /**
     * Closes {@code connection} after {@code idle} without traffic: the server's own idle-timeout
     * conduit of a client connection gets the tunnel's time; other connections get one.
     */
    private static void idleTimeout(StreamConnection connection, Duration idle) {
        if (connection.getSourceChannel().getConduit() instanceof IdleTimeoutConduit existing) {
            existing.setIdleTimeout(idle.toMillis());
            return;
        }
        IdleTimeoutConduit conduit = new IdleTimeoutConduit(connection);
        conduit.setIdleTimeout(idle.toMillis());
        connection.getSourceChannel().setConduit(conduit);
        connection.getSinkChannel().setConduit(conduit);
    }
}
