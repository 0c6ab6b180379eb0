package io.skitai.core.internal.process;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.skitai.core.SharedState;
import io.skitai.core.StartupException;
import io.skitai.core.internal.Messages;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.Lock;

/**
 * Shared state on a Redis server (Lettuce), for workers on several machines: the same keys and
 * semantics as {@link TableState}. Values live under {@code skitai:<namespace>:lu:<key>} and
 * {@code ...:gs:<key>}; a lock is a key set with {@code NX} and a lease (60 s), released only by
 * its holder.
 */
public final class RedisState implements SharedState, AutoCloseable {

    /** Sets a last-update time to max(now, old + 1) atomically; returns it. */
    private static final String TOUCH = "local now = tonumber(ARGV[1]); local old = tonumber(redis.call('GET', KEYS[1]) or '0');"
            + " if now <= old then now = old + 1 end; redis.call('SET', KEYS[1], now); return now";
    /** Deletes a lock key only if it still holds our token. */
    private static final String RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final String prefix;
    private final List<String> luKeys;
    private final List<String> gsKeys;
    private final NamedLocks locks;

    private RedisState(RedisClient client, StatefulRedisConnection<String, String> connection, String namespace,
            List<String> luKeys, List<String> gsKeys) {
        this.client = client;
        this.connection = connection;
        this.redis = connection.sync();
        this.prefix = "skitai:" + namespace + ":";
        this.luKeys = List.copyOf(luKeys);
        this.gsKeys = List.copyOf(gsKeys);
        this.locks = NamedLocks.guardedBy(RedisGuard::new, "across processes, on Redis");
    }

    /**
     * Connects to {@code uri} ({@code redis://host:port/db}).
     *
     * @throws StartupException when the server cannot be reached
     */
    public static RedisState connect(String uri, String namespace, List<String> luKeys, List<String> gsKeys) {
        RedisClient client = RedisClient.create(RedisURI.create(uri));
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            return new RedisState(client, connection, namespace, luKeys, gsKeys);
        } catch (RedisException | IllegalArgumentException e) {
            client.shutdown();
            throw new StartupException(Messages.redisUnreachable(uri, String.valueOf(e.getMessage())), e);
        }
    }

    @Override
    public java.util.Optional<byte[]> value(String key) {
        return java.util.Optional.ofNullable(redis.get(valueKey(key))).map(java.util.Base64.getDecoder()::decode);
    }

    @Override
    public void putValue(String key, byte[] value, Duration ttl) {
        redis.psetex(valueKey(key), ValueStore.millis(ttl), java.util.Base64.getEncoder().encodeToString(value));
    }

    @Override
    public boolean removeValue(String key) {
        return redis.del(valueKey(key)) > 0;
    }

    private String valueKey(String key) {
        return prefix + "value:" + key;
    }

    @Override
    public long setlu(String key) {
        Long now = redis.eval(TOUCH, ScriptOutputType.INTEGER, new String[] {luKey(key)},
                Long.toString(System.currentTimeMillis()));
        return now;
    }

    @Override
    public long getlu(String... keys) {
        if (keys.length == 0) {
            return 0;
        }
        String[] names = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            names[i] = luKey(keys[i]);
        }
        long newest = 0;
        for (var value : redis.mget(names)) {
            if (value.hasValue()) {
                newest = Math.max(newest, Long.parseLong(value.getValue()));
            }
        }
        return newest;
    }

    @Override
    public void setgs(String key, long value) {
        redis.set(gsKey(key), Long.toString(value));
    }

    @Override
    public long getgs(String key) {
        String value = redis.get(gsKey(key));
        return value == null ? 0 : Long.parseLong(value);
    }

    @Override
    public Lock lock(String name) {
        return locks.get(name);
    }

    @Override
    public List<String> luKeys() {
        return luKeys;
    }

    @Override
    public List<String> gsKeys() {
        return gsKeys;
    }

    private String luKey(String key) {
        if (!luKeys.contains(key)) {
            throw new IllegalArgumentException(Messages.undeclaredLu(key, luKeys));
        }
        return prefix + "lu:" + key;
    }

    private String gsKey(String key) {
        if (!gsKeys.contains(key)) {
            throw new IllegalArgumentException(Messages.undeclaredGs(key, gsKeys));
        }
        return prefix + "gs:" + key;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Override
    public String toString() {
        return "SharedState(on Redis under " + prefix + "*)";
    }

    /** A lock key with a random token, set if absent, with a lease. */
    private final class RedisGuard implements NamedLocks.Guard {
        private final String key;
        private final String token = UUID.randomUUID().toString();

        RedisGuard(String name) {
            this.key = prefix + "lock:" + name;
        }

        @Override
        public boolean tryAcquire() {
            return "OK".equals(redis.set(key, token, SetArgs.Builder.nx().px(LEASE.toMillis())));
        }

        @Override
        public void release() {
            redis.eval(RELEASE, ScriptOutputType.INTEGER, new String[] {key}, token);
        }
    }
}
