package io.skitai.was;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The results of a {@link MapCall}, one per alias member in member order.
 *
 * <pre>{@code
 * Results rs = was.map().get("@search/info").dispatch(2);
 * if (rs.statusCodes().equals(List.of(200, 200, 200))) {
 *     rs.cache(60);
 * }
 * }</pre>
 */
public final class Results implements Iterable<Result> {

    private final List<Result> results;

    private Results(List<Result> results) {
        this.results = List.copyOf(results);
    }

    /** The results, in member order. */
    public static Results of(List<Result> results) {
        return new Results(results);
    }

    /** Every result, in member order. */
    public List<Result> list() {
        return results;
    }

    /** The result of the member at {@code index}. */
    public Result get(int index) {
        return results.get(index);
    }

    /** How many members answered or failed. */
    public int size() {
        return results.size();
    }

    /** Every result's {@link Result#status()}. */
    public List<Integer> statuses() {
        return results.stream().map(Result::status).toList();
    }

    /** Every result's {@link Result#statusCode()}. */
    public List<Integer> statusCodes() {
        return results.stream().map(Result::statusCode).toList();
    }

    /** Every result's {@link Result#data()} ({@code null} kept where there is none). */
    public List<Object> data() {
        List<Object> all = new ArrayList<>(results.size());
        for (Result r : results) {
            all.add(r.data());
        }
        return Collections.unmodifiableList(all);
    }

    /** Whether every result is {@link Result#NORMAL} and 2xx. */
    public boolean isSuccess() {
        return results.stream().allMatch(Result::isSuccess);
    }

    /**
     * These results when every one is {@link Result#NORMAL}.
     *
     * @throws UpstreamException for the first that is not
     */
    public Results reraise() {
        results.forEach(Result::reraise);
        return this;
    }

    /** Caches every result (each is ignored unless {@link Result#NORMAL}). */
    public Results cache(Duration ttl) {
        results.forEach(r -> r.cache(ttl));
        return this;
    }

    /** {@link #cache(Duration)} in seconds. */
    public Results cache(double seconds) {
        return cache(Seconds.of(seconds));
    }

    @Override
    public Iterator<Result> iterator() {
        return results.iterator();
    }

    @Override
    public String toString() {
        return "Results" + statusCodes();
    }
}
