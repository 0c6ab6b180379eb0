package io.skitai.core.internal.process;

import io.skitai.core.ServerStatus;
import io.skitai.core.SharedState;
import io.skitai.core.StartupException;
import io.skitai.core.internal.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What a running server knows about its processes: the shared table (mapped from the master's
 * file in a worker, in memory in a single process), the {@link SharedState} on it or on Redis,
 * this process's slot, and the status built from all slots. A worker publishes its counters into
 * its slot every 200 ms.
 *
 * <p>A spare worker ({@link ProcessRole#isSpare()}) boots its engine, marks its slot booted (index
 * -1, ready) and waits in {@link #awaitTurn()} for a line {@code serve <i>} on its stdin, the pipe
 * from its master: it then becomes worker #i and listens. The end of the pipe (the master is gone
 * or dismisses it), TERM or INT dismiss it instead.
 */
public final class ProcessContext implements AutoCloseable {

    /** The shared table's file in a master's instance directory, and its lock directory. */
    public static final String TABLE_FILE = "table";
    public static final String LOCK_DIR = "locks";
    /** Where the workers' shared values ({@link io.skitai.core.SharedState#value}) are kept. */
    static final String VALUE_DIR = "values";

    private static final long PUBLISH_MILLIS = 200;

    private final String name;
    private final ProcessRole role;
    private final Scoreboard board;
    private final SharedState state;
    private final io.skitai.core.WorkerChannel channel;
    private final int slot;
    private volatile int index;
    private ScheduledExecutorService publisher;
    private LongSupplier requests = () -> 0;
    private LongSupplier connections = () -> 0;

    private ProcessContext(String name, ProcessRole role, Scoreboard board, SharedState state,
            io.skitai.core.WorkerChannel channel, int slot) {
        this.name = name;
        this.role = role;
        this.board = board;
        this.state = state;
        this.channel = channel;
        this.slot = slot;
        this.index = role.isSpare() ? -1 : Math.max(0, role.index());
    }

    /**
     * The context of a server starting in this JVM.
     *
     * @throws StartupException when the shared state cannot be set up
     */
    public static ProcessContext open(String name, ProcessRole role, ProcessSettings settings) {
        Scoreboard board;
        NamedLocks locks;
        ValueStore values;
        int slot;
        if (role.isWorker()) {
            Path instance = role.instance().orElseThrow();
            try {
                board = Scoreboard.open(instance.resolve(TABLE_FILE), settings.luKeys(), settings.gsKeys());
            } catch (RuntimeException e) {
                throw new StartupException(Messages.workerTable(instance, String.valueOf(e.getMessage())), e);
            }
            locks = NamedLocks.in(instance.resolve(LOCK_DIR));
            values = new FileValues(instance.resolve(VALUE_DIR));
            slot = role.slot();
        } else {
            board = Scoreboard.inMemory(1, settings.luKeys(), settings.gsKeys());
            locks = NamedLocks.local();
            values = new MemoryValues();
            slot = 0;
        }
        SharedState state = settings.redisUri().isPresent()
                ? StateStores.redis(settings.redisUri().get(), name, settings.luKeys(), settings.gsKeys())
                : new TableState(board, locks, values);
        return new ProcessContext(name, role, board, state, channel(role, settings, name), slot);
    }

    /**
     * Redis pub/sub when the state is on Redis (every process on every machine), else the worker
     * bus of a worker, else a channel with no peers (a single process).
     */
    private static io.skitai.core.WorkerChannel channel(ProcessRole role, ProcessSettings settings, String name) {
        if (settings.redisUri().isPresent()) {
            return RedisChannel.connect(settings.redisUri().get(), name);
        }
        if (!role.isWorker()) {
            return new io.skitai.core.WorkerChannel() {
                @Override
                public void publish(String topic, byte[] payload) {
                    // no other process to reach
                }

                @Override
                public void subscribe(String topic, java.util.function.Consumer<byte[]> listener) {
                    // nobody publishes to a single process
                }
            };
        }
        Path instance = role.instance().orElseThrow();
        try {
            return WorkerBus.open(instance);
        } catch (java.io.IOException e) {
            throw new StartupException(Messages.workerTable(instance, "cannot open the worker bus: " + e.getMessage()), e);
        }
    }

    /** The channel between this server's worker processes. */
    public io.skitai.core.WorkerChannel channel() {
        return channel;
    }

    /** The server's shared state. */
    public SharedState state() {
        return state;
    }

    /** Whether this process is a spare worker that has not been called in yet. */
    public boolean isSpare() {
        return role.isSpare() && index < 0;
    }

    /** Whether this process is one worker of several. */
    public boolean isWorker() {
        return role.isWorker();
    }

    /**
     * Called once the engine is booted, before it listens: true at once, except in a spare worker,
     * which marks its slot booted and blocks until its master calls it in (true; it is worker #i
     * from then on) or dismisses it (false).
     */
    public boolean awaitTurn() {
        if (!isSpare()) {
            return true;
        }
        long pid = ProcessHandle.current().pid();
        board.claim(slot, -1, pid);
        board.markReady(slot);
        int called = SpareCall.await();
        if (called < 0) {
            return false;
        }
        index = called;
        System.setProperty(ProcessRole.WORKER, "W" + called);
        return true;
    }

    /** The engine serves now: takes the slot, marks it ready and (in a worker) starts publishing. */
    public void serving(LongSupplier requestCount, LongSupplier connectionCount) {
        this.requests = requestCount;
        this.connections = connectionCount;
        board.claim(slot, index, ProcessHandle.current().pid());
        publish();
        board.markReady(slot);
        if (role.isWorker()) {
            publisher = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                    .name("skitai-publish").unstarted(r));
            publisher.scheduleAtFixedRate(this::publish, PUBLISH_MILLIS, PUBLISH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void publish() {
        board.publish(slot, requests.getAsLong(), connections.getAsLong());
    }

    /** Leaves a command for the master in this worker's slot. */
    public void askMaster(long command) {
        board.command(slot, command);
    }

    /** The status of every process of the server, with extra sections. */
    public ServerStatus status(Map<String, Object> sections) {
        publish();
        long now = System.currentTimeMillis();
        List<ServerStatus.Worker> workers = new ArrayList<>();
        long totalRequests = 0;
        long totalConnections = 0;
        long self = ProcessHandle.current().pid();
        for (int i = 0; i < board.slots(); i++) {
            Scoreboard.Slot s = board.slot(i);
            if (!s.used() || ProcessHandle.of(s.pid()).filter(ProcessHandle::isAlive).isEmpty()) {
                continue;
            }
            String state = s.index() < 0 ? "spare" : s.ready() ? "serving" : "starting";
            workers.add(new ServerStatus.Worker(s.index(), s.pid(), state, s.startedAt(),
                    (now - s.startedAt()) / 1000, s.requests(), s.connections(), s.pid() == self));
            totalRequests += s.requests();
            totalConnections += s.connections();
        }
        workers.sort((a, b) -> a.index() != b.index() ? Integer.compare(a.index(), b.index()) : Long.compare(a.startedAt(), b.startedAt()));
        return new ServerStatus(name, role.isWorker() ? "workers" : "single", self,
                role.isWorker() ? board.ownerPid() : 0, board.createdAt(), (now - board.createdAt()) / 1000,
                workers, totalRequests, totalConnections, board.restarts(), sections);
    }

    @Override
    public void close() {
        if (publisher != null) {
            publisher.shutdownNow();
        }
        if (channel instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort on the way out
            }
        }
        if (state instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Closing a Redis connection on the way out is best effort.
            }
        }
    }
}
