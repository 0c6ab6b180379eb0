package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.skitai.core.Db;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MongoDB operations through was against an in-process server speaking MongoDB's wire protocol
 * (mongo-java-server, memory backend): the driver talks to it over a real socket.
 */
class MongoCallsTest {

    private static MongoServer mongo;
    private static InetSocketAddress address;

    @BeforeAll
    static void startMongo() {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        address = mongo.getLocalAddress();
    }

    @AfterAll
    static void stopMongo() {
        mongo.shutdownNow();
    }

    @Test
    void documentsGoInAndComeBackAsMaps() {
        ServerBuilder config = ServerBuilder.create();
        config.alias("@users", Db.MONGODB, "127.0.0.1:" + address.getPort() + "/app");
        config.mount("/", ex -> {
            Mongo<Call> users = Was.current().mongodb("@users");
            Map<String, Object> out = new LinkedHashMap<>();
            users.delete("users", Map.of()).dispatchOrThrow();
            out.put("insert", users.insert("users", List.of(
                    Map.of("name", "alice", "age", 31, "tags", List.of("a")),
                    Map.of("name", "bob", "age", 25),
                    Map.of("name", "{\"$ne\": null}", "age", 40))).dispatchOrThrow().data());
            // Fired together, collected after.
            Call count = users.count("users", Map.of("age", Map.of("$gt", 30)));
            Call alice = users.findOne("users", Map.of("name", "alice"));
            Call literal = users.find("users", Map.of("name", "{\"$ne\": null}"));
            out.put("count", count.dispatchOrThrow().data());
            Map<?, ?> found = (Map<?, ?>) alice.dispatchOrThrow().data();
            out.put("alice", List.of(found.get("name"), found.get("age"), found.get("tags"), found.get("_id") instanceof String));
            out.put("literal", ((List<?>) literal.dispatchOrThrow().data()).size());
            out.put("update", users.update("users", Map.of("name", "bob"), Map.of("$set", Map.of("age", 26))).dispatchOrThrow().data());
            out.put("missing", String.valueOf(users.findOne("users", Map.of("name", "carol")).dispatchOrThrow().data()));
            List<Object> ages = new ArrayList<>();
            for (Object d : (List<?>) users.aggregate("users", List.of(Map.of("$sort", Map.of("age", 1)),
                    Map.of("$project", Map.of("_id", 0, "age", 1)))).dispatchOrThrow().data()) {
                ages.add(((Map<?, ?>) d).get("age"));
            }
            out.put("ages", ages);
            out.put("delete", users.delete("users", Map.of("age", Map.of("$lt", 30))).dispatchOrThrow().data());
            ex.json(out);
        });
        TestKit.serve(config, cli -> {
            Map<String, Object> r = cli.get("/").data();
            assertThat(r).containsEntry("insert", Map.of("inserted", 3)).containsEntry("count", 2)
                    .containsEntry("alice", List.of("alice", 31, List.of("a"), true))
                    .containsEntry("literal", 1)
                    .containsEntry("update", Map.of("matched", 1, "modified", 1))
                    .containsEntry("missing", "null")
                    .containsEntry("ages", List.of(26, 31, 40))
                    .containsEntry("delete", Map.of("deleted", 1));
        });
    }
}
