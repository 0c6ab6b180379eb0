package io.skitai.websocket.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A room message between worker processes: the room key, then a text or binary frame. */
final class RoomFrames {

    private static final byte TEXT = 0;
    private static final byte BINARY = 1;

    record Decoded(String roomKey, MessageCodec.Frame frame) {}

    private RoomFrames() {}

    static byte[] encode(String roomKey, MessageCodec.Frame frame) {
        byte[] key = roomKey.getBytes(StandardCharsets.UTF_8);
        byte[] data = frame.text() != null ? frame.text().getBytes(StandardCharsets.UTF_8) : frame.binary();
        return ByteBuffer.allocate(4 + key.length + 1 + data.length).putInt(key.length).put(key)
                .put(frame.text() != null ? TEXT : BINARY).put(data).array();
    }

    static Decoded decode(byte[] payload) {
        ByteBuffer b = ByteBuffer.wrap(payload);
        byte[] key = new byte[b.getInt()];
        b.get(key);
        byte type = b.get();
        byte[] data = new byte[b.remaining()];
        b.get(data);
        MessageCodec.Frame frame = type == TEXT ? new MessageCodec.Frame(new String(data, StandardCharsets.UTF_8), null)
                : new MessageCodec.Frame(null, data);
        return new Decoded(new String(key, StandardCharsets.UTF_8), frame);
    }
}
