package io.skitai.core;

import java.util.function.Consumer;

/**
 * Messages between the worker processes of one server ({@code Run.workers(n)}), for modules that
 * keep state per process and must reach the others: skitai-websocket's rooms. A payload published
 * under a topic reaches the listeners of that topic in every other worker, in the order its
 * publisher sent them (no order across publishers); this process's own listeners are not called.
 * In a single process there are no others, and publishing does nothing. On one machine the
 * workers talk over Unix domain sockets in the master's instance directory; a server sharing its
 * state on Redis ({@code shareStateOnRedis}) uses Redis pub/sub, reaching every process of every
 * server of the same name on that Redis.
 */
public interface WorkerChannel {

    /** Sends {@code payload} to the listeners of {@code topic} in the other workers; never blocks on a slow one for long. */
    void publish(String topic, byte[] payload);

    /** Calls {@code listener} (on a thread of the channel) with each payload the other workers publish under {@code topic}. */
    void subscribe(String topic, Consumer<byte[]> listener);
}
