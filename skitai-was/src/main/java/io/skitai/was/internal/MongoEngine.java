package io.skitai.was.internal;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * MongoDB through the reactive-streams driver: one client per member (the driver pools its own
 * connections), made on first use; operations as transports whose results are plain maps and
 * lists.
 */
final class MongoEngine implements AutoCloseable {

    private final Map<String, MongoClient> clients = new ConcurrentHashMap<>();

    /** A transport running {@code operation} on the member's database; its publisher's items are collected. */
    Transport transport(Function<MongoDatabase, Publisher<?>> operation, Function<List<Object>, Object> shape) {
        return target -> {
            CompletableFuture<io.skitai.was.Result> f = Flux.from(operation.apply(database(target)))
                    .map(MongoEngine::plain).collectList()
                    .map(items -> (io.skitai.was.Result) Outcomes.normal(200, "OK", Map.of(), new byte[0], shape.apply(items)))
                    .toFuture();
            return f;
        };
    }

    private MongoDatabase database(Target target) {
        URI uri = target.uri();
        String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "test" : uri.getPath().substring(1);
        String credentials = target.user().map(u -> encode(u) + target.password().map(p -> ":" + encode(p)).orElse("") + "@")
                .orElse("");
        String key = credentials + uri.getHost() + ":" + uri.getPort();
        MongoClient client = clients.computeIfAbsent(key, k -> MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + k + "/" + db))
                .applyToSocketSettings(s -> s.connectTimeout(10, TimeUnit.SECONDS))
                .applyToClusterSettings(s -> s.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build()));
        return client.getDatabase(db);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A driver value as plain Java: documents as maps, ObjectIds as hex strings, lists element by element. */
    static Object plain(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(plain(v)));
            return out;
        }
        return value instanceof ObjectId id ? id.toHexString() : value;
    }

    /** A map (maybe nested) as a BSON document. */
    static Document document(Map<String, ?> map) {
        return new Document(new LinkedHashMap<>(map));
    }

    @Override
    public void close() {
        clients.values().forEach(MongoClient::close);
        clients.clear();
    }
}
