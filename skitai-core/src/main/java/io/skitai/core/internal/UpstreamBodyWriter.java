package io.skitai.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.channels.StreamSinkChannel;

/** Writes a request body to an upstream without blocking, then ends the request; reports a failure once. */
final class UpstreamBodyWriter implements ChannelListener<StreamSinkChannel> {

    private final ByteBuffer body;
    private final Consumer<IOException> onError;

    private UpstreamBodyWriter(byte[] body, Consumer<IOException> onError) {
        this.body = ByteBuffer.wrap(body);
        this.onError = onError;
    }

    /** Starts writing {@code body} to {@code channel}; the rest follows when the channel can take it. */
    static void write(StreamSinkChannel channel, byte[] body, Consumer<IOException> onError) {
        new UpstreamBodyWriter(body, onError).handleEvent(channel);
    }

    @Override
    public void handleEvent(StreamSinkChannel channel) {
        try {
            while (body.hasRemaining()) {
                if (channel.write(body) == 0) {
                    channel.getWriteSetter().set(this);
                    channel.resumeWrites();
                    return;
                }
            }
            channel.shutdownWrites();
            if (channel.flush()) {
                channel.suspendWrites();
            } else {
                channel.getWriteSetter().set(ChannelListeners.flushingChannelListener(null,
                        (ch, e) -> onError.accept(e)));
                channel.resumeWrites();
            }
        } catch (IOException e) {
            onError.accept(e);
        }
    }
}
