package io.skitai.core.internal;

import java.util.concurrent.atomic.AtomicInteger;
import org.xnio.XnioIoThread;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ReadReadyHandler;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Suspends a plain connection's reads lazily. Undertow suspends reads while a request runs and
 * resumes them when it ends; ended on a handler thread, that resume changes the selector's
 * interest from outside the IO thread, which wakes the selector for every request. Here a suspend
 * only takes note: the interest is dropped (on the IO thread) only if the socket turns readable
 * while reads are suspended, so a resume that finds it never dropped costs nothing.
 */
final class LazyReadSuspension extends AbstractStreamSourceConduit<StreamSourceConduit> {

    /** Reads resumed, and the selector interest set. */
    private static final int RESUMED = 0;
    /** Reads suspended; the selector interest still set. */
    private static final int NOTED = 1;
    /** Reads suspended and the selector interest dropped (as a new connection starts). */
    private static final int DROPPED = 2;

    private final AtomicInteger state = new AtomicInteger(DROPPED);

    LazyReadSuspension(StreamSourceConduit next) {
        super(next);
    }

    @Override
    public void suspendReads() {
        state.compareAndSet(RESUMED, NOTED);
    }

    @Override
    public void resumeReads() {
        while (true) {
            int s = state.get();
            if (s == RESUMED) {
                next.resumeReads();
                return;
            }
            if (state.compareAndSet(s, RESUMED)) {
                if (s == DROPPED) {
                    restoreInterest();
                }
                return;
            }
        }
    }

    /**
     * Sets the selector interest again. From another thread that is a task for the IO thread:
     * changing it there takes no lock the selector holds, where a change from outside contends
     * with the selector and wakes it anyway.
     */
    private void restoreInterest() {
        XnioIoThread io = next.getReadThread();
        if (Thread.currentThread() == io) {
            next.resumeReads();
        } else {
            io.execute(() -> {
                if (state.get() != DROPPED) { // resumed, or suspended again only in name: the interest is due
                    next.resumeReads();
                }
            });
        }
    }

    @Override
    public void wakeupReads() {
        resumeReads();
        next.wakeupReads();
    }

    @Override
    public boolean isReadResumed() {
        return state.get() == RESUMED && next.isReadResumed();
    }

    @Override
    public void setReadReadyHandler(ReadReadyHandler handler) {
        next.setReadReadyHandler(handler == null ? null : new Gate(handler));
    }

    /** Passes readiness on while reads are resumed; drops the interest when they are only noted as suspended. */
    private final class Gate implements ReadReadyHandler {

        private final ReadReadyHandler handler;

        Gate(ReadReadyHandler handler) {
            this.handler = handler;
        }

        @Override
        public void readReady() {
            int s = state.get();
            if (s == NOTED) {
                next.suspendReads();
                if (state.compareAndSet(NOTED, DROPPED)) {
                    return;
                }
                next.resumeReads(); // resumed meanwhile: undo, and pass the event on
            } else if (s == DROPPED) {
                return;
            }
            handler.readReady();
        }

        @Override
        public void forceTermination() {
            handler.forceTermination();
        }

        @Override
        public void terminated() {
            handler.terminated();
        }
    }
}
