package io.skitai.websocket.internal;

import io.skitai.websocket.WsRoom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A group-chat room: its clients in this process by id (ids grow, so in the order they entered).
 * A room message also goes to the room of the same key in the server's other worker processes;
 * the client list and messages to one client stay in this process.
 */
final class Room implements WsRoom {

    private final String key;
    private final Rooms rooms;
    private final Map<Long, WsConnection<?>> clients = new ConcurrentSkipListMap<>();

    Room(String key, Rooms rooms) {
        this.key = key;
        this.rooms = rooms;
    }

    void add(WsConnection<?> client) {
        clients.put(client.id(), client);
    }

    /** Removes {@code client}; true when the room is empty after it. */
    boolean remove(WsConnection<?> client) {
        clients.remove(client.id());
        return clients.isEmpty();
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public List<Long> clients() {
        return List.copyOf(clients.keySet());
    }

    @Override
    public void send(Object message) {
        WsConnection<?> any = clients.values().stream().findFirst().orElse(null);
        if (any == null) {
            return;
        }
        MessageCodec.Frame frame = any.encode(message);
        deliverHere(frame);
        rooms.toWorkers(key, frame);
    }

    /** Delivers an encoded message to this process's clients of the room. */
    void deliverHere(MessageCodec.Frame frame) {
        for (WsConnection<?> c : clients.values()) {
            c.offerFrame(frame);
        }
    }

    @Override
    public boolean send(Object message, long clientId) {
        WsConnection<?> c = clients.get(clientId);
        if (c == null) {
            return false;
        }
        c.offer(message);
        return true;
    }

    @Override
    public String toString() {
        return "WsRoom(" + key + ", " + clients.size() + " clients)";
    }
}
