package io.skitai.was.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The dispatch clock wakes waiters at their deadlines and lets go of finished ones at once. */
class DispatchClockTest {

    @Test
    void wakesAWaiterDueWithinTheNurseryAndOneDueAfterIt() {
        for (long millis : new long[] {5, DispatchClock.TICK_MILLIS * DispatchClock.NURSERY_TICKS * 3}) {
            DispatchClock.Waiter waiter = DispatchClock.INSTANCE.register(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!waiter.expired() && System.nanoTime() - giveUp < 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
            waiter.finish();
            assertThat(waiter.expired()).as("woken for a deadline %d ms away", millis).isTrue();
        }
    }

    @Test
    void aFinishedWaitDoesNotKeepItsThreadUntilTheDeadline() throws Exception {
        WeakReference<Thread> gone = finishedWaiter();
        for (int i = 0; i < 50 && gone.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(gone.get()).as("the thread of a wait that finished an hour before its deadline").isNull();
    }

    private static WeakReference<Thread> finishedWaiter() throws InterruptedException {
        Thread t = Thread.ofVirtual().start(() ->
                DispatchClock.INSTANCE.register(System.nanoTime() + TimeUnit.HOURS.toNanos(1)).finish());
        t.join();
        return new WeakReference<>(t);
    }
}
