package io.skitai.was.internal;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes virtual threads whose {@code dispatch(timeout)} ran out, from one daemon thread that ticks
 * every {@value #TICK_MILLIS} ms while anyone waits and sleeps otherwise. A dispatch then parks
 * without a timer of its own: a timed park of a virtual thread costs a delayed task in the
 * scheduler and a wake-up of the scheduler's thread, every time. Timeouts fire up to one tick late.
 *
 * <p>Most waits end within milliseconds, long before their deadline. A new waiter therefore
 * spends its first {@value #NURSERY_TICKS} ticks in a short queue and reaches the wheel only if it
 * is still waiting then, and a finished waiter lets go of its thread at once: the clock holds no
 * dispatched request's thread until its deadline, which would keep thousands of them alive past
 * young collections and make every collection scan the wheel.
 */
final class DispatchClock {

    static final long TICK_MILLIS = 10;
    private static final long TICK = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
    private static final int SLOTS = 1024;
    static final int NURSERY_TICKS = 10;

    /** The one clock: a timer thread, like the JDK's scheduler thread, not state of any server. */
    static final DispatchClock INSTANCE = new DispatchClock();

    /** A waiting thread and its deadline. */
    static final class Waiter {
        private volatile Thread thread;
        private final long deadline;
        private volatile boolean expired;
        private volatile boolean finished;
        /** The tick at which the waiter leaves the nursery (clock thread only). */
        private long nurseryUntil;

        private Waiter(Thread thread, long deadline) {
            this.thread = thread;
            this.deadline = deadline;
        }

        /** Whether the deadline passed (the thread was unparked for it). */
        boolean expired() {
            return expired;
        }

        /** The wait ended: the clock drops it when its time comes, and lets go of the thread now. */
        void finish() {
            finished = true;
            thread = null;
        }
    }

    private final ConcurrentLinkedQueue<Waiter> arriving = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    /** The wheel, owned by the clock thread: slot = tick modulo SLOTS; later rounds stay in their slot. */
    @SuppressWarnings("unchecked")
    private final ArrayDeque<Waiter>[] wheel = new ArrayDeque[SLOTS];
    /** New waiters with a deadline past the nursery, oldest first (clock thread only). */
    private final ArrayDeque<Waiter> nursery = new ArrayDeque<>();
    private final long origin = System.nanoTime();
    private int pending;
    /** The next tick whose slot the clock checks (clock thread only). */
    private long nextTick;
    private volatile Thread clock;

    private DispatchClock() {}

    /** Registers the current thread to be unparked at {@code deadline} (a {@link System#nanoTime()}). */
    Waiter register(long deadline) {
        Waiter w = new Waiter(Thread.currentThread(), deadline);
        arriving.add(w);
        Thread t = clock;
        if (t == null) {
            start();
        } else if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            LockSupport.unpark(t);
        }
        return w;
    }

    private synchronized void start() {
        if (clock == null) {
            clock = Thread.ofPlatform().daemon().name("skitai-was-dispatch-clock").start(this::run);
        }
    }

    private void run() {
        nextTick = (System.nanoTime() - origin) / TICK;
        while (true) {
            admit();
            if (pending == 0) {
                sleeping.set(true);
                if (arriving.isEmpty()) {
                    LockSupport.park(this);
                }
                sleeping.set(false);
                nextTick = (System.nanoTime() - origin) / TICK;
                continue;
            }
            long now = System.nanoTime();
            long due = (now - origin) / TICK;
            for (; nextTick <= due; nextTick++) {
                graduate(nextTick);
                expire(nextTick, now);
            }
            LockSupport.parkNanos(this, TICK - (System.nanoTime() - origin) % TICK);
        }
    }

    /** Takes in newly arrived waiters: onto the wheel if due within the nursery time, else into the nursery. */
    private void admit() {
        Waiter w;
        while ((w = arriving.poll()) != null) {
            pending++;
            long tick = deadlineTick(w);
            if (tick < nextTick + NURSERY_TICKS) {
                onWheel(w, tick);
            } else {
                w.nurseryUntil = nextTick + NURSERY_TICKS;
                nursery.add(w);
            }
        }
    }

    /** Drops the nursery's finished waiters whose time there is up and puts the others on the wheel. */
    private void graduate(long tick) {
        Waiter w;
        while ((w = nursery.peek()) != null && w.nurseryUntil <= tick) {
            nursery.poll();
            if (w.finished) {
                pending--;
            } else {
                onWheel(w, deadlineTick(w));
            }
        }
    }

    private long deadlineTick(Waiter w) {
        return Math.max(Math.floorDiv(w.deadline - origin + TICK - 1, TICK), nextTick);
    }

    private void onWheel(Waiter w, long tick) {
        int slot = (int) (tick % SLOTS);
        ArrayDeque<Waiter> q = wheel[slot];
        if (q == null) {
            q = wheel[slot] = new ArrayDeque<>();
        }
        q.add(w);
    }

    /** Wakes the waiters of {@code tick}'s slot whose deadline passed; keeps later rounds. */
    private void expire(long tick, long now) {
        ArrayDeque<Waiter> q = wheel[(int) (tick % SLOTS)];
        if (q == null || q.isEmpty()) {
            return;
        }
        for (int n = q.size(); n > 0; n--) {
            Waiter w = q.poll();
            if (w.finished) {
                pending--;
            } else if (w.deadline - now <= 0) {
                pending--;
                w.expired = true;
                Thread t = w.thread;
                if (t != null) {
                    LockSupport.unpark(t);
                }
            } else {
                q.add(w);
            }
        }
    }
}
