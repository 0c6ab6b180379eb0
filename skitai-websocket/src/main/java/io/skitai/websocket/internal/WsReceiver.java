package io.skitai.websocket.internal;

import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Undertow's receive side for a {@link WsConnection}: whole messages up to the limit (beyond it
 * Undertow closes with 1009), pings answered, pongs and everything else counted as a sign of life.
 */
final class WsReceiver extends AbstractReceiveListener {

    private final WsConnection<?> connection;
    private final long maxMessageBytes;

    WsReceiver(WsConnection<?> connection, long maxMessageBytes) {
        this.connection = connection;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    protected long getMaxTextBufferSize() {
        return maxMessageBytes;
    }

    @Override
    protected long getMaxBinaryBufferSize() {
        return maxMessageBytes;
    }

    @Override
    protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
        connection.received(message.getData());
    }

    @Override
    protected void onFullBinaryMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
        var data = message.getData();
        try {
            ByteBuffer merged = WebSockets.mergeBuffers(data.getResource());
            byte[] bytes = new byte[merged.remaining()];
            merged.get(bytes);
            connection.received(bytes);
        } finally {
            data.free();
        }
    }

    @Override
    protected void onFullPingMessage(WebSocketChannel channel, BufferedBinaryMessage message) throws IOException {
        connection.heard();
        super.onFullPingMessage(channel, message);
    }

    @Override
    protected void onFullPongMessage(WebSocketChannel channel, BufferedBinaryMessage message) throws IOException {
        connection.heard();
        super.onFullPongMessage(channel, message);
    }

    @Override
    protected void onCloseMessage(CloseMessage message, WebSocketChannel channel) {
        connection.closeCodeReceived(message.getCode());
    }
}
