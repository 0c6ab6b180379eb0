package io.skitai.core.internal.process;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.skitai.core.WorkerChannel;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@link WorkerChannel} of a server sharing its state on Redis: Redis pub/sub on
 * {@code skitai:<name>:bus:<topic>}, so every process of the server on every machine hears it.
 * Each payload starts with the publishing process's random id, and a process skips its own.
 * One publishing connection keeps a publisher's order.
 */
final class RedisChannel implements WorkerChannel, AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.skitai.core");
    private static final int ID_BYTES = 16;

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> publisher;
    private final StatefulRedisPubSubConnection<String, byte[]> subscriber;
    private final String prefix;
    private final byte[] self = new byte[ID_BYTES];
    private final Map<String, List<Consumer<byte[]>>> listeners = new ConcurrentHashMap<>();

    private RedisChannel(RedisClient client, String namespace) {
        this.client = client;
        this.prefix = "skitai:" + namespace + ":bus:";
        new SecureRandom().nextBytes(self);
        RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
        this.publisher = client.connect(codec);
        this.subscriber = client.connectPubSub(codec);
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, byte[] message) {
                deliver(channel, message);
            }
        });
    }

    /** Connects to the Redis server at {@code uri} for the server {@code namespace}. */
    static RedisChannel connect(String uri, String namespace) {
        return new RedisChannel(RedisClient.create(RedisURI.create(uri)), namespace);
    }

    @Override
    public void publish(String topic, byte[] payload) {
        byte[] message = ByteBuffer.allocate(ID_BYTES + payload.length).put(self).put(payload).array();
        publisher.async().publish(prefix + topic, message);
    }

    @Override
    public void subscribe(String topic, Consumer<byte[]> listener) {
        boolean first = listeners.putIfAbsent(topic, new CopyOnWriteArrayList<>()) == null;
        listeners.get(topic).add(listener);
        if (first) {
            subscriber.sync().subscribe(prefix + topic);
        }
    }

    private void deliver(String channel, byte[] message) {
        if (message.length < ID_BYTES || Arrays.equals(message, 0, ID_BYTES, self, 0, ID_BYTES)) {
            return;
        }
        byte[] payload = Arrays.copyOfRange(message, ID_BYTES, message.length);
        for (Consumer<byte[]> listener : listeners.getOrDefault(channel.substring(prefix.length()), List.of())) {
            try {
                listener.accept(payload);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "a Redis bus listener of " + channel + " failed", e);
            }
        }
    }

    @Override
    public void close() {
        subscriber.close();
        publisher.close();
        client.shutdown();
    }
}
