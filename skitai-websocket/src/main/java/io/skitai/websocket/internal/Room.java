package io.skitai.websocket.internal;

import io.skitai.websocket.WsRoom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** A group-chat room: its clients by id (ids grow, so in the order they entered). */
final class Room implements WsRoom {

    private final String key;
    private final Map<Long, WsConnection<?>> clients = new ConcurrentSkipListMap<>();

    Room(String key) {
        this.key = key;
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
        for (WsConnection<?> c : clients.values()) {
            c.offer(message);
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
