package io.skitai.core.internal.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The table the processes of one server share: a header, one slot per worker process (pid, start,
 * readiness, counters, a command for the master) and the last-update and global-state values.
 * It lives in a memory-mapped file that the master creates and every worker maps, or in a direct
 * buffer for a single process. Every value is a 64-bit word accessed atomically with a
 * {@link VarHandle} (volatile reads and writes, compare-and-set), so no lock is needed.
 */
public final class Scoreboard {

    /** Slot commands a worker leaves for the master. */
    public static final long NO_COMMAND = 0;
    public static final long RECYCLE_ME = 1;
    public static final long SHUT_DOWN_ALL = 2;

    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final long MAGIC = 0x534B495441493031L; // "SKITAI01"
    private static final int HEADER = 64;
    private static final int SLOT = 64;
    private static final int PID = 0;
    private static final int STARTED = 8;
    private static final int READY = 16;
    private static final int REQUESTS = 24;
    private static final int CONNECTIONS = 32;
    private static final int HEARTBEAT = 40;
    private static final int INDEX = 48;
    private static final int COMMAND = 56;

    private final ByteBuffer buffer;
    private final int slots;
    private final List<String> luKeys;
    private final List<String> gsKeys;

    private Scoreboard(ByteBuffer buffer, int slots, List<String> luKeys, List<String> gsKeys) {
        this.buffer = buffer;
        this.slots = slots;
        this.luKeys = List.copyOf(luKeys);
        this.gsKeys = List.copyOf(gsKeys);
    }

    /** A table in this process only (a single-process server). */
    public static Scoreboard inMemory(int slots, List<String> luKeys, List<String> gsKeys) {
        ByteBuffer b = ByteBuffer.allocateDirect(size(slots, luKeys.size(), gsKeys.size())).order(ByteOrder.nativeOrder());
        Scoreboard board = new Scoreboard(b, slots, luKeys, gsKeys);
        board.writeHeader();
        return board;
    }

    /** Creates the shared file (the master does this before it launches workers). */
    public static Scoreboard create(Path file, int slots, List<String> luKeys, List<String> gsKeys) {
        Scoreboard board = new Scoreboard(map(file, size(slots, luKeys.size(), gsKeys.size()), true), slots, luKeys, gsKeys);
        board.writeHeader();
        return board;
    }

    /**
     * Maps the shared file a master created; the keys must be the ones the master declared.
     *
     * @throws IllegalStateException when the file holds another layout or other keys
     */
    public static Scoreboard open(Path file, List<String> luKeys, List<String> gsKeys) {
        ByteBuffer buffer = map(file, -1, false);
        int slots = (int) (long) LONG.getVolatile(buffer, 8);
        Scoreboard board = new Scoreboard(buffer, slots, luKeys, gsKeys);
        if (board.get(0) != MAGIC || board.get(24) != keysHash(luKeys, gsKeys)
                || buffer.capacity() != size(slots, luKeys.size(), gsKeys.size())) {
            throw new IllegalStateException("the shared state file " + file + " was made for other keys: the master and"
                    + " the workers must declare the same deflu/defgs keys");
        }
        return board;
    }

    private static int size(int slots, int lu, int gs) {
        return HEADER + slots * SLOT + (lu + gs) * 8;
    }

    private static ByteBuffer map(Path file, int size, boolean create) {
        try (FileChannel ch = create
                ? FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long length = size < 0 ? ch.size() : size;
            return ch.map(FileChannel.MapMode.READ_WRITE, 0, length).order(ByteOrder.nativeOrder());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map the shared state file " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeHeader() {
        set(8, slots);
        set(16, ((long) luKeys.size() << 32) | gsKeys.size());
        set(24, keysHash(luKeys, gsKeys));
        set(32, ProcessHandle.current().pid());
        set(40, System.currentTimeMillis());
        set(0, MAGIC);
    }

    private static long keysHash(List<String> lu, List<String> gs) {
        long h = 1125899906842597L;
        for (byte b : (String.join("\n", lu) + "\u0000" + String.join("\n", gs)).getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return h;
    }

    // ---- header ------------------------------------------------------------------------------

    /** The pid of the process that created the table (the master, or the single process). */
    public long ownerPid() {
        return get(32);
    }

    /** When the table was created (epoch ms). */
    public long createdAt() {
        return get(40);
    }

    /** A worker replaced (after it exited, or by a rolling restart); the master counts them. */
    public void countRestart() {
        LONG.getAndAdd(buffer, 48, 1L);
    }

    /** How many workers were replaced since the server started. */
    public long restarts() {
        return get(48);
    }

    /** How many worker slots there are. */
    public int slots() {
        return slots;
    }

    public List<String> luKeys() {
        return luKeys;
    }

    public List<String> gsKeys() {
        return gsKeys;
    }

    // ---- slots -------------------------------------------------------------------------------

    /** Empties a slot (the master does this before it gives the slot to a new worker). */
    public void clearSlot(int slot) {
        for (int off = 0; off < SLOT; off += 8) {
            set(slotBase(slot) + off, 0);
        }
    }

    /** A worker takes its slot: its pid, worker number and start time. */
    public void claim(int slot, int index, long pid) {
        int base = slotBase(slot);
        set(base + INDEX, index);
        set(base + STARTED, System.currentTimeMillis());
        set(base + PID, pid);
    }

    /** The worker serves from now on. */
    public void markReady(int slot) {
        set(slotBase(slot) + READY, System.currentTimeMillis());
    }

    /** A worker publishes its counters (and thereby shows it is alive). */
    public void publish(int slot, long requests, long connections) {
        int base = slotBase(slot);
        set(base + REQUESTS, requests);
        set(base + CONNECTIONS, connections);
        set(base + HEARTBEAT, System.currentTimeMillis());
    }

    /** A worker asks the master for something ({@link #RECYCLE_ME}, {@link #SHUT_DOWN_ALL}). */
    public void command(int slot, long command) {
        set(slotBase(slot) + COMMAND, command);
    }

    /** Takes the command left in a slot (the master does this). */
    public long takeCommand(int slot) {
        return (long) LONG.getAndSet(buffer, slotBase(slot) + COMMAND, NO_COMMAND);
    }

    /** What a slot holds now. */
    public Slot slot(int slot) {
        int base = slotBase(slot);
        return new Slot(slot, (int) get(base + INDEX), get(base + PID), get(base + STARTED), get(base + READY),
                get(base + REQUESTS), get(base + CONNECTIONS));
    }

    /**
     * One worker's slot.
     *
     * @param readyAt epoch ms when it started serving, 0 before
     */
    public record Slot(int slot, int index, long pid, long startedAt, long readyAt, long requests, long connections) {
        public boolean used() {
            return pid != 0;
        }

        public boolean ready() {
            return readyAt != 0;
        }
    }

    private int slotBase(int slot) {
        if (slot < 0 || slot >= slots) {
            throw new IndexOutOfBoundsException("slot " + slot + " of " + slots);
        }
        return HEADER + slot * SLOT;
    }

    // ---- last-update and global state ----------------------------------------------------------

    /** Sets the time of a last-update key to now, or just past its present value; returns it. */
    public long touchLu(int key) {
        int off = luOffset(key);
        while (true) {
            long old = get(off);
            long now = Math.max(System.currentTimeMillis(), old + 1);
            if (LONG.compareAndSet(buffer, off, old, now)) {
                return now;
            }
        }
    }

    public long lu(int key) {
        return get(luOffset(key));
    }

    public void setGs(int key, long value) {
        set(gsOffset(key), value);
    }

    public long gs(int key) {
        return get(gsOffset(key));
    }

    private int luOffset(int key) {
        return HEADER + slots * SLOT + key * 8;
    }

    private int gsOffset(int key) {
        return HEADER + slots * SLOT + (luKeys.size() + key) * 8;
    }

    private long get(int offset) {
        return (long) LONG.getVolatile(buffer, offset);
    }

    private void set(int offset, long value) {
        LONG.setVolatile(buffer, offset, value);
    }
}
