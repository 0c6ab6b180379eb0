package io.skitai.was.internal;

import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.InsertManyResult;
import com.mongodb.client.result.UpdateResult;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.skitai.was.Mongo;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;
import org.reactivestreams.Publisher;

/**
 * {@link Mongo} on one alias: each operation becomes a transport of the {@link MongoEngine}, fired
 * like any call (lb, map, result cache keyed on the operation, collection and documents).
 *
 * @param <C> {@link io.skitai.was.Call} or {@link io.skitai.was.MapCall}
 */
final class MongoOps<C> implements Mongo<C> {

    /** Fires a transport at an alias, as {@link Requester} does for every call. */
    @FunctionalInterface
    interface Firing<C> {
        C fire(CacheKey key, Transport transport);
    }

    private final MongoEngine engine;
    private final Firing<C> firing;

    MongoOps(MongoEngine engine, Firing<C> firing) {
        this.engine = engine;
        this.firing = firing;
    }

    private C call(String what, String collection, Object args, Function<MongoDatabase, Publisher<?>> operation,
            Function<List<Object>, Object> shape) {
        return firing.fire(CacheKey.of("MONGO " + what + " " + collection + " " + args), Transport.withoutTxIds(engine.transport(operation, shape)));
    }

    @Override
    public C find(String collection, Map<String, ?> filter) {
        return call("find", collection, filter, db -> db.getCollection(collection).find(MongoEngine.document(filter)),
                items -> items);
    }

    @Override
    public C findOne(String collection, Map<String, ?> filter) {
        return call("findOne", collection, filter,
                db -> db.getCollection(collection).find(MongoEngine.document(filter)).first(),
                items -> items.isEmpty() ? null : items.get(0));
    }

    @Override
    public C insert(String collection, List<? extends Map<String, ?>> documents) {
        List<Document> docs = documents.stream().map(MongoEngine::document).toList();
        return call("insert", collection, documents, db -> db.getCollection(collection).insertMany(docs),
                items -> Map.of("inserted", ((InsertManyResult) items.get(0)).getInsertedIds().size()));
    }

    @Override
    public C update(String collection, Map<String, ?> filter, Map<String, ?> update) {
        return call("update", collection, List.of(filter, update), db -> db.getCollection(collection)
                .updateMany(MongoEngine.document(filter), MongoEngine.document(update)), items -> {
                    UpdateResult r = (UpdateResult) items.get(0);
                    return Map.of("matched", r.getMatchedCount(), "modified", r.getModifiedCount());
                });
    }

    @Override
    public C delete(String collection, Map<String, ?> filter) {
        return call("delete", collection, filter, db -> db.getCollection(collection).deleteMany(MongoEngine.document(filter)),
                items -> Map.of("deleted", ((DeleteResult) items.get(0)).getDeletedCount()));
    }

    @Override
    public C aggregate(String collection, List<? extends Map<String, ?>> pipeline) {
        List<Document> stages = pipeline.stream().map(MongoEngine::document).toList();
        return call("aggregate", collection, pipeline, db -> db.getCollection(collection).aggregate(stages), items -> items);
    }

    @Override
    public C count(String collection, Map<String, ?> filter) {
        return call("count", collection, filter,
                db -> db.getCollection(collection).countDocuments(MongoEngine.document(filter)), items -> items.get(0));
    }
}
