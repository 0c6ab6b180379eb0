package io.skitai.websocket.internal;

import io.undertow.connector.ByteBufferPool;
import io.undertow.server.protocol.framed.FrameHeaderData;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.core.protocol.version13.Hybi13Handshake;
import io.undertow.websockets.core.protocol.version13.WebSocket13Channel;
import io.undertow.websockets.extensions.NoopExtensionFunction;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.xnio.StreamConnection;

/**
 * Undertow's RFC 6455 handshake (version 13, no extensions), making channels that refuse a frame
 * longer than the route's limit: the client gets close 1009 and the connection ends, before any
 * of the frame's payload is read.
 */
final class LimitedHandshake extends Hybi13Handshake {

    private final int maxFrameBytes;

    LimitedHandshake(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public WebSocketChannel createChannel(WebSocketHttpExchange exchange, StreamConnection channel, ByteBufferPool pool) {
        return new LimitedChannel(channel, pool, getWebSocketLocation(exchange),
                exchange.getResponseHeader(Headers.SEC_WEB_SOCKET_PROTOCOL_STRING), exchange, maxFrameBytes);
    }

    /** A version-13 channel with a frame length limit. */
    private static final class LimitedChannel extends WebSocket13Channel {

        private final int maxFrameBytes;

        LimitedChannel(StreamConnection channel, ByteBufferPool pool, String url, String subProtocol,
                WebSocketHttpExchange exchange, int maxFrameBytes) {
            super(channel, pool, url, subProtocol, false, false, NoopExtensionFunction.INSTANCE,
                    exchange.getPeerConnections(), exchange.getOptions());
            this.maxFrameBytes = maxFrameBytes;
        }

        @Override
        protected FrameHeaderData parseFrame(ByteBuffer data) throws IOException {
            FrameHeaderData header = super.parseFrame(data);
            if (header != null && header.getFrameLength() > maxFrameBytes) {
                String reason = "frame of " + header.getFrameLength() + " bytes over the limit of " + maxFrameBytes;
                WebSockets.sendClose(new CloseMessage(CloseMessage.MSG_TOO_BIG, reason).toByteBuffer(), this, null);
                IOException e = new IOException(reason);
                markReadsBroken(e);
                throw e;
            }
            return header;
        }
    }
}
