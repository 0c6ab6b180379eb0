package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Db;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.EmbeddedRedis;
import io.skitai.testkit.TestKit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis commands through was against a real redis-server (the binary embedded-redis ships). */
class RedisCallsTest {

    @RegisterExtension
    static final EmbeddedRedis REDIS = new EmbeddedRedis();

    @Test
    void commandsRepliesAndErrors() {
        ServerBuilder config = ServerBuilder.create();
        config.alias("@cache", Db.REDIS, "127.0.0.1:" + REDIS.port() + "/2");
        config.mount("/", ex -> {
            Redis<Call> cache = Was.current().redis("@cache");
            List<Object> out = new ArrayList<>();
            cache.execute("DEL", "hits", "list", "who").dispatchOrThrow();
            List<Call> incrs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                incrs.add(cache.execute("INCR", "hits"));
            }
            for (Call c : incrs) {
                c.dispatchOrThrow();
            }
            out.add(cache.execute("GET", "hits").dispatchOrThrow().data());
            out.add(cache.execute("SET", "who", "x'; FLUSHALL; --").dispatchOrThrow().data());
            out.add(cache.execute("GET", "who").dispatchOrThrow().data());
            cache.execute("RPUSH", "list", "a", "b", 3).dispatchOrThrow();
            out.add(cache.execute("LRANGE", "list", 0, -1).dispatchOrThrow().data());
            Result wrongType = cache.execute("INCR", "list").dispatch();
            out.add(wrongType.status());
            out.add(String.valueOf(wrongType.reason()));
            ex.json(out);
        });
        TestKit.serve(config, cli -> {
            List<Object> r = cli.get("/").data();
            assertThat(r.subList(0, 4)).containsExactly("5", "OK", "x'; FLUSHALL; --", List.of("a", "b", "3"));
            assertThat(r.get(4)).isEqualTo(Result.EXCEPTION);
            assertThat((String) r.get(5)).contains("WRONGTYPE");
        });
    }

    @Test
    void mapSendsToEveryMember() {
        ServerBuilder config = ServerBuilder.create();
        config.alias("@two", Db.REDIS, "127.0.0.1:" + REDIS.port() + "/3", "127.0.0.1:" + REDIS.port() + "/4");
        config.mount("/", ex -> {
            Was was = Was.current();
            was.map().redis("@two").execute("SET", "k", "v").dispatch(5);
            Results rs = was.map().redis("@two").execute("GET", "k").dispatch(5);
            List<Object> out = new ArrayList<>();
            rs.forEach(r -> out.add(r.data()));
            ex.json(Map.of("values", out));
        });
        TestKit.serve(config, cli -> assertThat(cli.get("/").<Map<String, Object>>data())
                .containsEntry("values", List.of("v", "v")));
    }
}
