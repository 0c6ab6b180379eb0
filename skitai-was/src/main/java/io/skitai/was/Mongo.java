package io.skitai.was;

import java.util.List;
import java.util.Map;

/**
 * Operations on a {@code Db.MONGODB} alias's database, each fired at once and collected with the
 * same handles as HTTP calls; documents are maps (an {@code _id} ObjectId as its hex string):
 *
 * <pre>{@code
 * Call user = was.mongodb("@users").findOne("users", Map.of("name", "alice"));
 * Call n = was.mongodb("@users").count("users", Map.of());
 * Map<String, Object> doc = (Map<String, Object>) user.dispatch(2).data();   // or null
 * }</pre>
 *
 * <p>Filters, updates and pipeline stages are MongoDB's own documents as maps
 * ({@code Map.of("age", Map.of("$gt", 30))}), always sent as data, never parsed from text.
 *
 * @param <C> {@link Call} or {@link MapCall}
 */
public interface Mongo<C> {

    /** The documents matching {@code filter}: a list of maps. */
    C find(String collection, Map<String, ?> filter);

    /** The first document matching {@code filter}, or {@code null}. */
    C findOne(String collection, Map<String, ?> filter);

    /** Inserts {@code documents}; the data is {@code {"inserted": n}}. */
    C insert(String collection, List<? extends Map<String, ?>> documents);

    /** Applies {@code update} to every match; the data is {@code {"matched": n, "modified": m}}. */
    C update(String collection, Map<String, ?> filter, Map<String, ?> update);

    /** Deletes every match; the data is {@code {"deleted": n}}. */
    C delete(String collection, Map<String, ?> filter);

    /** Runs an aggregation pipeline: a list of maps. */
    C aggregate(String collection, List<? extends Map<String, ?>> pipeline);

    /** How many documents match {@code filter}: a {@code Long}. */
    C count(String collection, Map<String, ?> filter);
}
