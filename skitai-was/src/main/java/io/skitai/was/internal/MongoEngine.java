package io.skitai.was.internal;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.ConnectionCheckOutFailedEvent;
import com.mongodb.event.ConnectionCheckOutStartedEvent;
import com.mongodb.event.ConnectionCheckedInEvent;
import com.mongodb.event.ConnectionCheckedOutEvent;
import com.mongodb.event.ConnectionClosedEvent;
import com.mongodb.event.ConnectionCreatedEvent;
import com.mongodb.event.ConnectionPoolListener;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * MongoDB through the reactive-streams driver: one client per member of an alias (the driver pools
 * its own connections; a listener counts them for the {@link PoolWatcher}), made on first use;
 * operations as transports whose results are plain maps and lists.
 */
final class MongoEngine implements AutoCloseable {

    private final Map<String, MongoClient> clients = new ConcurrentHashMap<>();
    private final PoolWatcher watcher;

    MongoEngine(PoolWatcher watcher) {
        this.watcher = watcher;
    }

    /**
     * The driver's pool events counted (CMAP): connections open and checked out, check-outs
     * waiting. A client's pools to every server it finds count together.
     */
    private static final class Tally implements ConnectionPoolListener {
        private final AtomicInteger open = new AtomicInteger();
        private final AtomicInteger checkedOut = new AtomicInteger();
        private final AtomicInteger waiting = new AtomicInteger();

        io.skitai.core.Metrics.PoolCounts counts() {
            int out = checkedOut.get();
            return new io.skitai.core.Metrics.PoolCounts(out, Math.max(0, open.get() - out), waiting.get());
        }

        @Override
        public void connectionCreated(ConnectionCreatedEvent event) {
            open.incrementAndGet();
        }

        @Override
        public void connectionClosed(ConnectionClosedEvent event) {
            open.decrementAndGet();
        }

        @Override
        public void connectionCheckOutStarted(ConnectionCheckOutStartedEvent event) {
            waiting.incrementAndGet();
        }

        @Override
        public void connectionCheckedOut(ConnectionCheckedOutEvent event) {
            waiting.decrementAndGet();
            checkedOut.incrementAndGet();
        }

        @Override
        public void connectionCheckOutFailed(ConnectionCheckOutFailedEvent event) {
            waiting.decrementAndGet();
        }

        @Override
        public void connectionCheckedIn(ConnectionCheckedInEvent event) {
            checkedOut.decrementAndGet();
        }
    }

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
        MongoClient client = clients.computeIfAbsent(credentials + " " + target.poolName(), k -> {
            Tally tally = new Tally();
            MongoClient made = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString("mongodb://" + credentials + uri.getHost() + ":" + uri.getPort()
                            + "/" + db))
                    .applyToSocketSettings(s -> s.connectTimeout(10, TimeUnit.SECONDS))
                    .applyToClusterSettings(s -> s.serverSelectionTimeout(10, TimeUnit.SECONDS))
                    .applyToConnectionPoolSettings(p -> p.addConnectionPoolListener(tally))
                    .build());
            watcher.watch(target.poolName(), tally::counts);
            return made;
        });
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
        watcher.close();
    }
}
