package io.skitai.was.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Redis through Lettuce: one multiplexed connection per member (Lettuce pipelines every call on
 * it, reconnecting by itself), made on first use, on one set of event-loop threads per server.
 * Any command is sent by name with string arguments; the reply is kept as Lettuce decodes it. No
 * pool gauges ({@code skitai.pool.*}): one multiplexed connection per member is no pool, nothing
 * in it waits for a connection or idles apart from the rest.
 */
final class RedisEngine implements AutoCloseable {

    private final ClientResources resources = DefaultClientResources.builder().ioThreadPoolSize(2)
            .computationThreadPoolSize(2).build();
    private final Map<String, Member> members = new ConcurrentHashMap<>();

    private record Member(RedisClient client, StatefulRedisConnection<String, String> connection) {}

    /** A transport sending {@code command} with {@code args}. */
    Transport transport(String command, Object[] args) {
        ProtocolKeyword keyword = keyword(command);
        return target -> {
            CommandArgs<String, String> commandArgs = new CommandArgs<>(StringCodec.UTF8);
            for (Object a : args) {
                commandArgs.add(String.valueOf(a));
            }
            CompletableFuture<Object> reply = connection(target).async()
                    .dispatch(keyword, new RedisReply(), commandArgs).toCompletableFuture();
            return reply.thenApply(value -> (io.skitai.was.Result) Outcomes.normal(200, "OK", Map.of(),
                    new byte[0], value instanceof List<?> l ? List.copyOf(l) : value));
        };
    }

    private StatefulRedisConnection<String, String> connection(Target target) {
        URI uri = target.uri();
        String key = target.user().orElse("") + "@" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
        return members.computeIfAbsent(key, k -> {
            RedisURI.Builder b = RedisURI.builder().withHost(uri.getHost()).withPort(uri.getPort())
                    .withTimeout(Duration.ofMinutes(5));
            String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "0" : uri.getPath().substring(1);
            b.withDatabase(Integer.parseInt(db));
            target.password().ifPresent(p -> {
                if (target.user().isPresent()) {
                    b.withAuthentication(target.user().get(), p);
                } else {
                    b.withPassword(p.toCharArray());
                }
            });
            RedisClient client = RedisClient.create(resources, b.build());
            return new Member(client, client.connect());
        }).connection();
    }

    private static ProtocolKeyword keyword(String command) {
        byte[] name = command.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        String text = new String(name, StandardCharsets.US_ASCII);
        return new ProtocolKeyword() {
            @Override
            public byte[] getBytes() {
                return name;
            }

            @Override
            public String toString() {
                return text;
            }

            @Override
            public String name() {
                return text;
            }
        };
    }

    @Override
    public void close() {
        for (Member m : members.values()) {
            m.connection().close();
            m.client().shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        members.clear();
        resources.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
    }
}
