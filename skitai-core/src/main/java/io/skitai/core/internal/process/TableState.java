package io.skitai.core.internal.process;

import io.skitai.core.SharedState;
import io.skitai.core.internal.Messages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/** Shared state in the {@link Scoreboard} (memory-mapped across workers, or in this process). */
public final class TableState implements SharedState {

    private final Scoreboard board;
    private final NamedLocks locks;
    private final Map<String, Integer> lu = new HashMap<>();
    private final Map<String, Integer> gs = new HashMap<>();
    private final ValueStore values;

    TableState(Scoreboard board, NamedLocks locks, ValueStore values) {
        this.board = board;
        this.locks = locks;
        this.values = values;
        for (int i = 0; i < board.luKeys().size(); i++) {
            lu.put(board.luKeys().get(i), i);
        }
        for (int i = 0; i < board.gsKeys().size(); i++) {
            gs.put(board.gsKeys().get(i), i);
        }
    }

    @Override
    public long setlu(String key) {
        return board.touchLu(luIndex(key));
    }

    @Override
    public long getlu(String... keys) {
        long newest = 0;
        for (String k : keys) {
            newest = Math.max(newest, board.lu(luIndex(k)));
        }
        return newest;
    }

    @Override
    public void setgs(String key, long value) {
        board.setGs(gsIndex(key), value);
    }

    @Override
    public long getgs(String key) {
        return board.gs(gsIndex(key));
    }

    @Override
    public Lock lock(String name) {
        return locks.get(name);
    }

    @Override
    public java.util.Optional<byte[]> value(String key) {
        return values.get(key);
    }

    @Override
    public void putValue(String key, byte[] value, java.time.Duration ttl) {
        values.put(key, value, ttl);
    }

    @Override
    public boolean removeValue(String key) {
        return values.remove(key);
    }

    @Override
    public List<String> luKeys() {
        return board.luKeys();
    }

    @Override
    public List<String> gsKeys() {
        return board.gsKeys();
    }

    private int luIndex(String key) {
        Integer i = lu.get(key);
        if (i == null) {
            throw new IllegalArgumentException(Messages.undeclaredLu(key, board.luKeys()));
        }
        return i;
    }

    private int gsIndex(String key) {
        Integer i = gs.get(key);
        if (i == null) {
            throw new IllegalArgumentException(Messages.undeclaredGs(key, board.gsKeys()));
        }
        return i;
    }

    @Override
    public String toString() {
        return "SharedState(in the process table, lu " + board.luKeys() + ", gs " + board.gsKeys() + ")";
    }
}
