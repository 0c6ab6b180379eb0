package io.skitai.core.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreboardTest {

    @TempDir
    Path tmp;

    @Test
    void twoMappingsOfTheFileSeeEachOthersValues() {
        Scoreboard master = Scoreboard.create(tmp.resolve("table"), 4, List.of("users", "photos"), List.of("nodes"));
        Scoreboard worker = Scoreboard.open(tmp.resolve("table"), List.of("users", "photos"), List.of("nodes"));
        TableState a = new TableState(master, NamedLocks.local(), new MemoryValues());
        TableState b = new TableState(worker, NamedLocks.local(), new MemoryValues());
        a.setgs("nodes", 7);
        assertThat(b.getgs("nodes")).isEqualTo(7);
        long t = b.setlu("photos");
        assertThat(a.getlu("users", "photos")).isEqualTo(t);
        assertThat(a.getlu("users")).isZero();
        worker.claim(2, 1, 4242);
        worker.markReady(2);
        worker.publish(2, 10, 3);
        assertThat(master.slot(2)).extracting(Scoreboard.Slot::pid, Scoreboard.Slot::index, Scoreboard.Slot::requests,
                Scoreboard.Slot::connections, Scoreboard.Slot::ready).containsExactly(4242L, 1, 10L, 3L, true);
        worker.command(2, Scoreboard.RECYCLE_ME);
        assertThat(master.takeCommand(2)).isEqualTo(Scoreboard.RECYCLE_ME);
        assertThat(master.takeCommand(2)).isEqualTo(Scoreboard.NO_COMMAND);
    }

    @Test
    void aWorkerWithOtherKeysIsRefused() {
        Scoreboard.create(tmp.resolve("table"), 4, List.of("users"), List.of());
        assertThatThrownBy(() -> Scoreboard.open(tmp.resolve("table"), List.of("pets"), List.of()))
                .hasMessageContaining("must declare the same deflu/defgs keys");
    }

    @Test
    void setluMovesForwardEvenWithinOneMillisecond() throws Exception {
        TableState state = new TableState(Scoreboard.inMemory(1, List.of("k"), List.of()), NamedLocks.local(), new MemoryValues());
        List<CompletableFuture<Long>> all = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            long last = 0;
            for (int j = 0; j < 2000; j++) {
                last = state.setlu("k");
            }
            return last;
        })).toList();
        all.forEach(CompletableFuture::join);
        long now = System.currentTimeMillis();
        assertThat(state.getlu("k")).as("8000 distinct times, each newer than the last").isGreaterThanOrEqualTo(now - 5000 + 8000 - 1);
    }

    @Test
    void undeclaredKeysNameTheDeclaredOnes() {
        TableState state = new TableState(Scoreboard.inMemory(1, List.of("users"), List.of("nodes")), NamedLocks.local(), new MemoryValues());
        assertThatThrownBy(() -> state.setlu("user")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SKITAI-C060 'user' is not a declared last-update key: declare it before run with"
                        + " Skitai.deflu(\"user\") (declared: [users])");
        assertThatThrownBy(() -> state.getgs("node")).hasMessageStartingWith("SKITAI-C061 'node'");
    }

    @Test
    void fileLocksAreReentrantAndExcludeOtherThreads() throws Exception {
        NamedLocks locks = NamedLocks.in(tmp.resolve("locks"));
        Lock lock = locks.get("jobs");
        assertThat(locks.get("jobs")).isSameAs(lock);
        lock.lock();
        lock.lock();
        boolean otherGotIt = CompletableFuture.supplyAsync(() -> {
            try {
                return lock.tryLock(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return true;
            }
        }).get();
        assertThat(otherGotIt).isFalse();
        lock.unlock();
        lock.unlock();
        assertThat(CompletableFuture.supplyAsync(() -> {
            boolean got = lock.tryLock();
            if (got) {
                lock.unlock();
            }
            return got;
        }).get()).isTrue();
        assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(lock::newCondition).isInstanceOf(UnsupportedOperationException.class);
    }
}
