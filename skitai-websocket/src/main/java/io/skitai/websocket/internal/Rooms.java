package io.skitai.websocket.internal;

import io.undertow.websockets.core.WebSocketChannel;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of one websocket route (one mount): its open channels and its group-chat rooms, each
 * room made on its first client and dropped with its last.
 */
public final class Rooms {

    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final Set<WebSocketChannel> channels = ConcurrentHashMap.newKeySet();
    private volatile io.skitai.core.WorkerChannel workers;
    private volatile String topic;

    /**
     * Joins the route's rooms to the same route's rooms in the server's other worker processes,
     * once: a room message published here is delivered there to the room of the same key.
     */
    void joinWorkers(io.skitai.core.WorkerChannel channel, String routeTopic) {
        if (workers != null) {
            return;
        }
        synchronized (this) {
            if (workers == null) {
                channel.subscribe(routeTopic, this::fromWorker);
                topic = routeTopic;
                workers = channel;
            }
        }
    }

    /** Sends an encoded room message to the other workers. */
    void toWorkers(String roomKey, MessageCodec.Frame frame) {
        io.skitai.core.WorkerChannel channel = workers;
        if (channel != null) {
            channel.publish(topic, RoomFrames.encode(roomKey, frame));
        }
    }

    private void fromWorker(byte[] payload) {
        RoomFrames.Decoded d = RoomFrames.decode(payload);
        Room room = rooms.get(d.roomKey());
        if (room != null) {
            room.deliverHere(d.frame());
        }
    }

    /** The open channels of the route (Undertow adds and removes them). */
    Set<WebSocketChannel> channels() {
        return channels;
    }

    /** Puts {@code client} in the room {@code key}, making it if needed. */
    Room enter(String key, WsConnection<?> client) {
        return rooms.compute(key, (k, room) -> {
            Room r = room == null ? new Room(k, this) : room;
            r.add(client);
            return r;
        });
    }

    /** Takes {@code client} out of its room, dropping the room when it is empty. */
    void leave(Room room, WsConnection<?> client) {
        rooms.computeIfPresent(room.key(), (k, r) -> r.remove(client) ? null : r);
    }

    /** The room key of a request: its path and its query parameters named in {@code params} ({@code "*"}: all), sorted. */
    static String key(String path, Map<String, java.util.List<String>> query, java.util.List<String> params) {
        StringBuilder b = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, java.util.List<String>> e : new TreeMap<>(query).entrySet()) {
            if (!params.contains("*") && !params.contains(e.getKey())) {
                continue;
            }
            for (String v : e.getValue()) {
                b.append(sep).append(e.getKey()).append('=').append(v);
                sep = '&';
            }
        }
        return b.toString();
    }
}
