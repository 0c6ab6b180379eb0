package io.skitai.core.internal;

import io.skitai.core.WorkerChannel;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Asks the other worker processes of a server one question and gathers their answers, over the
 * server's {@link WorkerChannel}: the asker publishes {@code skitai.gather.<name>.ask} with a
 * random id; every worker that subscribed under the same name (each one does so when it starts)
 * computes its answer on a virtual thread and publishes it under {@code .answer} with the id;
 * the asker keeps the answers carrying its id, until it has as many as it expects or the wait
 * is over. A worker whose answer supplier gives {@code null} (a spare, not serving) stays silent.
 */
public final class WorkerGather {

    private static final System.Logger LOG = System.getLogger("io.skitai.core");

    private final WorkerChannel channel;
    private final Supplier<byte[]> own;
    private final String askTopic;
    private final String answerTopic;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    private WorkerGather(WorkerChannel channel, String name, Supplier<byte[]> own) {
        this.channel = channel;
        this.own = own;
        this.askTopic = "skitai.gather." + name + ".ask";
        this.answerTopic = "skitai.gather." + name + ".answer";
    }

    /** Answers the question {@code name} with {@code answer} from now on, and can ask it. */
    public static WorkerGather on(WorkerChannel channel, String name, Supplier<byte[]> answer) {
        WorkerGather gather = new WorkerGather(channel, name, answer);
        channel.subscribe(gather.askTopic, id -> Thread.ofVirtual().name("skitai-gather").start(() -> gather.answer(id, answer)));
        channel.subscribe(gather.answerTopic, gather::collect);
        return gather;
    }

    /**
     * Every serving worker's answer: this process's own (unless it gives none), then those of the
     * other serving workers of {@code status} that came within {@code wait}.
     */
    public Gathered everyone(io.skitai.core.ServerStatus status, Duration wait) throws InterruptedException {
        List<byte[]> answers = new ArrayList<>();
        byte[] mine = own.get();
        if (mine != null) {
            answers.add(mine);
        }
        int others = status.mode().equals("workers")
                ? (int) status.workers().stream().filter(w -> !w.self() && w.index() >= 0 && w.state().equals("serving")).count()
                : 0;
        answers.addAll(ask(others, wait));
        return new Gathered(List.copyOf(answers), (mine == null ? 0 : 1) + others);
    }

    /**
     * What {@link #everyone} gathered.
     *
     * @param answers  the answers, this process's first
     * @param expected how many there would be had every worker answered
     */
    public record Gathered(List<byte[]> answers, int expected) {
        /** How many workers stayed silent. */
        public int missing() {
            return expected - answers.size();
        }
    }

    /**
     * The answers of the other workers (in the order they came), once {@code expected} of them
     * came or {@code wait} is over, whichever is first; never this process's own.
     */
    public List<byte[]> ask(int expected, Duration wait) throws InterruptedException {
        if (expected <= 0) {
            return List.of();
        }
        long id = ThreadLocalRandom.current().nextLong();
        Pending p = new Pending(expected);
        pending.put(id, p);
        try {
            channel.publish(askTopic, ByteBuffer.allocate(Long.BYTES).putLong(id).array());
            p.done.await(wait.toNanos(), TimeUnit.NANOSECONDS);
            synchronized (p) {
                return List.copyOf(p.answers);
            }
        } finally {
            pending.remove(id);
        }
    }

    private void answer(byte[] ask, Supplier<byte[]> answer) {
        if (ask.length != Long.BYTES) {
            return;
        }
        try {
            byte[] body = answer.get();
            if (body != null) {
                channel.publish(answerTopic, ByteBuffer.allocate(Long.BYTES + body.length).put(ask).put(body).array());
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot answer " + askTopic + ": " + e, e);
        }
    }

    private void collect(byte[] message) {
        if (message.length < Long.BYTES) {
            return;
        }
        Pending p = pending.get(ByteBuffer.wrap(message).getLong());
        if (p != null) {
            byte[] body = java.util.Arrays.copyOfRange(message, Long.BYTES, message.length);
            synchronized (p) {
                p.answers.add(body);
            }
            p.done.countDown();
        }
    }

    /** One question waiting for its answers. */
    private static final class Pending {
        final List<byte[]> answers = new ArrayList<>();
        final CountDownLatch done;

        Pending(int expected) {
            done = new CountDownLatch(expected);
        }
    }
}
