package io.skitai.core.internal.process;

import io.skitai.core.daemon.Daemon;
import io.skitai.core.daemon.RunDirectory;
import io.skitai.core.internal.Messages;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The master process: launches the worker JVMs, shares the table with them, and supervises them
 * from one loop that ticks every 20 ms:
 * <ul>
 *   <li>a worker that exits is replaced at once (its exit is seen within one tick): by the spare
 *       worker when one is booted (it listens within milliseconds, then a proper worker #i
 *       replaces it the way HUP does), else by a new worker JVM;</li>
 *   <li>unless turned off ({@link ProcessSettings#spareWorker()}), one spare worker is kept booted
 *       (apps started, not listening) while the workers are steady; HUP dismisses it (it runs the
 *       old code) and a new one boots after the rolling restart;</li>
 *   <li>HUP, a worker's {@code was.restart()} and the CPU critical point replace workers one at a
 *       time: the new worker starts, and only once it serves is the old one sent TERM, so the
 *       port always has a listener;</li>
 *   <li>TERM (or INT, or a worker's {@code was.shutdownServer()}) sends TERM to every worker, waits for
 *       them to drain and exit, removes the shared files and exits 0.</li>
 * </ul>
 * A worker that exits before it ever served means the configuration cannot run (port in use,
 * bad certificate...): the master stops and exits 2 once the first workers fail that way, or when
 * a worker keeps failing so.
 */
public final class Master {

    private static final System.Logger LOG = System.getLogger("io.skitai.core");
    private static final long TICK_MILLIS = 20;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final int MAX_FAILED_STARTS = 5;

    /**
     * What the master runs.
     *
     * @param name     the server's name
     * @param workers  how many workers
     * @param args     the program arguments for every worker (the port already resolved)
     * @param runDir   where the instance directory goes
     * @param settings keys, store, critical point
     * @param drain    how long workers may drain on TERM
     * @param watched  app jars whose change rolls the workers (the reloader), looked at every {@code reloadInterval}
     * @param reloadInterval how often the watched jars are looked at
     */
    public record Plan(String name, int workers, List<String> args, RunDirectory runDir, ProcessSettings settings,
                       Duration drain, List<java.nio.file.Path> watched, Duration reloadInterval) {}

    private final Plan plan;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final AtomicInteger hupRequested = new AtomicInteger();
    private final Deque<Integer> toReplace = new ArrayDeque<>();
    private final List<WorkerProcess> retiring = new ArrayList<>();
    private final WorkerProcess[] current;
    private final int[] failedStarts;
    private WorkerLauncher launcher;
    private InstanceDirectory instance;
    private Scoreboard board;
    private Optional<CpuWatch> cpu;
    private WorkerProcess fresh;
    private int freshIndex = -1;
    private WorkerProcess spare;
    private boolean spareAnnounced;
    private int spareFailures;
    private JarRoll jars;

    private Master(Plan plan) {
        this.plan = plan;
        this.current = new WorkerProcess[plan.workers()];
        this.failedStarts = new int[plan.workers()];
    }

    /** Runs the master until it is told to stop; returns the exit status (0, or 2 when workers cannot start). */
    public static int run(Plan plan) {
        return new Master(plan).supervise();
    }

    private int supervise() {
        try {
            prepare();
            Signals.handle("TERM", () -> stopRequested.set(true));
            Signals.handle("INT", () -> stopRequested.set(true));
            Signals.handle("HUP", hupRequested::incrementAndGet);
            for (int i = 0; i < current.length; i++) {
                current[i] = launch(i);
            }
            if (!awaitAllReady()) {
                stopAll();
                return 2;
            }
            LOG.log(Level.INFO, "{0}: master pid {1,number,#} serves with {2} workers {3}", display(),
                    ProcessHandle.current().pid(), current.length, Arrays.toString(current));
            Daemon.notifyReady();
            while (!stopRequested.get()) {
                if (!tick()) {
                    stopAll();
                    return 2;
                }
                sleep(TICK_MILLIS);
            }
            LOG.log(Level.INFO, "{0}: stopping: the workers drain (at most {1} s)", display(), plan.drain().toSeconds());
            return stopAll() ? 0 : 1;
        } finally {
            removeInstance();
        }
    }

    private void prepare() {
        instance = InstanceDirectory.create(plan.runDir());
        int slots = Math.max(4, plan.workers() * 4);
        board = Scoreboard.create(instance.path().resolve(ProcessContext.TABLE_FILE), slots, plan.settings().luKeys(),
                plan.settings().gsKeys());
        launcher = new WorkerLauncher(plan.name(), plan.args(), instance, board);
        cpu = plan.settings().criticalPoint().map(CpuWatch::new);
        if (!plan.watched().isEmpty()) {
            jars = new JarRoll(plan.watched(), plan.reloadInterval());
        }
    }

    /** The reloader of a master: a changed app jar rolls the workers, as HUP does. */
    private void lookAtJars() {
        if (jars != null && jars.changed()) {
            LOG.log(Level.INFO, "{0}: an app jar of {1} changed: rolling the workers", display(), jars.files());
            hupRequested.incrementAndGet();
        }
    }

    private WorkerProcess launch(int index) {
        return launcher.launch(index, retiring);
    }

    private boolean awaitAllReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!stopRequested.get()) {
            boolean all = true;
            for (WorkerProcess w : current) {
                if (!w.isAlive() && !w.ready(board)) {
                    System.err.println("skitai: error: " + Messages.workerFailedToStart(display(), w.index(), w.exitValue()));
                    return false;
                }
                all &= w.ready(board);
            }
            if (all) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                System.err.println("skitai: error: " + Messages.workersNotReady(display(), READY_TIMEOUT.toSeconds()));
                return false;
            }
            sleep(TICK_MILLIS);
        }
        return false;
    }

    /** One round of supervision; false when a worker keeps failing to start. */
    private boolean tick() {
        for (int i = 0; i < current.length; i++) {
            WorkerProcess w = current[i];
            if (w.isAlive()) {
                if (w.ready(board)) {
                    failedStarts[i] = 0;
                }
                continue;
            }
            launcher.free(w.slot());
            if (!w.everReady() && ++failedStarts[i] >= MAX_FAILED_STARTS) {
                System.err.println("skitai: error: " + Messages.workerFailedToStart(display(), i, w.exitValue()));
                return false;
            }
            board.countRestart();
            if (freshIndex == i) {
                current[i] = fresh;
                fresh = null;
                freshIndex = -1;
                LOG.log(Level.WARNING, "{0}: {1} exited with status {2}; its replacement takes over", display(), w, w.exitValue());
            } else if (callSpareIn(i)) {
                LOG.log(Level.WARNING, "{0}: {1} exited with status {2}; the spare took over as {3}", display(), w,
                        w.exitValue(), current[i]);
            } else {
                current[i] = launch(i);
                LOG.log(Level.WARNING, "{0}: {1} exited with status {2}; started {3}", display(), w, w.exitValue(), current[i]);
            }
        }
        reapRetiring();
        takeCommands();
        lookAtJars();
        if (hupRequested.getAndSet(0) > 0) {
            LOG.log(Level.INFO, "{0}: HUP: replacing the workers one by one", display());
            dismissSpare();
            for (int i = 0; i < current.length; i++) {
                queueReplacement(i);
            }
        }
        cpu.ifPresent(watch -> watch.check(List.of(current)).forEach(w -> {
            LOG.log(Level.WARNING, "{0}: {1} stayed over the CPU critical point; replacing it", display(), w);
            queueReplacement(w.index());
        }));
        advanceReplacement();
        tendSpare();
        return true;
    }

    /**
     * Calls the booted spare in as worker #index (it listens at once); a proper worker #index is
     * queued to replace it, so {@code ps} names every worker by its number again. False when no
     * spare is booted.
     */
    private boolean callSpareIn(int index) {
        if (spare == null || !spare.isAlive() || !spare.ready(board)) {
            return false;
        }
        WorkerProcess called = spare;
        board.clearSlot(called.slot());
        Optional<WorkerProcess> worker = called.callIn(index);
        if (worker.isEmpty()) {
            return false;
        }
        spare = null;
        current[index] = worker.get();
        queueReplacement(index);
        return true;
    }

    /** Notices a spare that died or booted; boots a new one while the workers are steady. */
    private void tendSpare() {
        if (spare != null && !spare.isAlive()) {
            launcher.free(spare.slot());
            if (!spare.everReady() && ++spareFailures >= MAX_FAILED_STARTS) {
                LOG.log(Level.WARNING, "{0}: the spare worker failed to boot {1} times; running without one",
                        display(), spareFailures);
            } else {
                LOG.log(Level.WARNING, "{0}: {1} exited with status {2}", display(), spare, spare.exitValue());
            }
            spare = null;
        }
        if (spare != null) {
            if (!spareAnnounced && spare.ready(board)) {
                spareAnnounced = true;
                spareFailures = 0;
                LOG.log(Level.INFO, "{0}: {1} is booted and waits", display(), spare);
            }
            return;
        }
        boolean steady = fresh == null && toReplace.isEmpty() && Arrays.stream(current).allMatch(w -> w.ready(board));
        if (plan.settings().spareWorker() && spareFailures < MAX_FAILED_STARTS && steady) {
            spare = launch(-1);
            spareAnnounced = false;
        }
    }

    /** Dismisses the spare (it drains nothing: it stops its apps and exits). */
    private void dismissSpare() {
        if (spare != null) {
            spare.dismiss();
            retiring.add(spare);
            spare = null;
        }
    }
    private void takeCommands() {
        for (WorkerProcess w : current) {
            long command = board.takeCommand(w.slot());
            if (command == Scoreboard.RECYCLE_ME) {
                queueReplacement(w.index());
            } else if (command == Scoreboard.SHUT_DOWN_ALL) {
                LOG.log(Level.INFO, "{0}: {1} asked to shut the server down", display(), w);
                stopRequested.set(true);
            }
        }
    }

    private void queueReplacement(int index) {
        if (index != freshIndex && !toReplace.contains(index)) {
            toReplace.add(index);
        }
    }

    /** Starts the next replacement, or, once the new worker serves, retires the one it replaces. */
    private void advanceReplacement() {
        if (fresh == null) {
            Integer next = toReplace.poll();
            if (next != null) {
                freshIndex = next;
                fresh = launch(next);
            }
            return;
        }
        if (!fresh.isAlive()) {
            launcher.free(fresh.slot());
            LOG.log(Level.WARNING, "{0}: the replacement {1} exited with status {2}; keeping {3}", display(), fresh,
                    fresh.exitValue(), current[freshIndex]);
            fresh = null;
            freshIndex = -1;
        } else if (fresh.ready(board)) {
            WorkerProcess old = current[freshIndex];
            current[freshIndex] = fresh;
            old.terminate();
            retiring.add(old);
            if (!old.calledIn()) {
                board.countRestart(); // a spare's stand-in was counted when the worker it stood in for exited
            }
            LOG.log(Level.INFO, "{0}: {1} serves; {2} drains", display(), fresh, old);
            fresh = null;
            freshIndex = -1;
        }
    }

    private void reapRetiring() {
        retiring.removeIf(w -> {
            if (w.isAlive()) {
                return false;
            }
            launcher.free(w.slot());
            return true;
        });
    }

    /** TERM to every worker, wait for them to drain, kill what is left; whether all exited with 0. */
    private boolean stopAll() {
        List<WorkerProcess> all = new ArrayList<>(List.of(current).stream().filter(w -> w != null).toList());
        all.addAll(retiring);
        if (fresh != null) {
            all.add(fresh);
        }
        if (spare != null) {
            all.add(spare);
        }
        all.forEach(WorkerProcess::terminate);
        long deadline = System.nanoTime() + plan.drain().plusSeconds(5).toNanos();
        boolean clean = true;
        for (WorkerProcess w : all) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                if (!w.handle().onExit().get(left, TimeUnit.NANOSECONDS).isAlive()) {
                    // A spare TERMed while it still boots exits 143; it never served anything.
                    if (w.exitValue() != 0 && w.ready(board) && !w.isSpare()) {
                        LOG.log(Level.WARNING, "{0}: {1} exited with status {2}", display(), w, w.exitValue());
                        clean = false;
                    }
                    continue;
                }
            } catch (Exception e) {
                // Falls through to the kill below.
            }
            LOG.log(Level.WARNING, "{0}: {1} did not stop in time; killing it", display(), w);
            w.kill();
            clean = false;
        }
        return clean;
    }

    private void removeInstance() {
        if (instance != null) {
            instance.remove();
        }
    }

    private String display() {
        return "skitai(" + plan.name() + ")";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
