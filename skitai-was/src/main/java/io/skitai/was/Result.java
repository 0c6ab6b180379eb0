package io.skitai.was;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one upstream call produced, as returned by {@link Call#dispatch(double)}: how the call
 * ended ({@link #status()}, as in the Python original), the upstream's answer ({@link #statusCode()},
 * {@link #reason()}, {@link #headers()}, {@link #content()}) and the body parsed by its content type
 * ({@link #data()}: JSON as {@code Map}/{@code List}/scalars, XML as a DOM {@code Document}, text as
 * {@code String}, anything else as {@code byte[]}; an XML-RPC call's return value).
 *
 * <pre>{@code
 * Result r = was.get("@members/users/1").dispatch(5);
 * if (r.status() == Result.NORMAL && r.statusCode() == 200) {
 *     Map<String, Object> user = r.data(Map.class);
 *     r.cache(60);
 * }
 * }</pre>
 *
 * <p>A result is immutable once made; {@link #cache(double)} only stores it in the result cache.
 */
public interface Result {

    /** {@link #status()}: not finished yet (never returned by {@code dispatch}). */
    int INITIAL = 0;
    /** {@link #status()}: no answer within the timeout. */
    int TIMEOUT = 1;
    /** {@link #status()}: the call failed: refused, reset, unparsable answer, an XML-RPC fault. */
    int EXCEPTION = 2;
    /** {@link #status()}: the upstream answered (whatever its HTTP status). */
    int NORMAL = 3;

    /** How the call ended: {@link #INITIAL}, {@link #TIMEOUT}, {@link #EXCEPTION} or {@link #NORMAL}. */
    int status();

    /** The upstream's HTTP status code; 0 when there was no answer (timeout, connection failure). */
    int statusCode();

    /** The upstream's reason phrase, or what went wrong when {@link #status()} is not {@link #NORMAL}. */
    String reason();

    /** The answer's headers, names case-insensitive; empty without an answer. */
    Map<String, List<String>> headers();

    /** The raw body of the answer; empty without one. */
    byte[] content();

    /**
     * The body parsed by content type; {@code null} when there is no body. For an XML-RPC call the
     * method's return value; for a fault a map with {@code faultCode} and {@code faultString}.
     */
    Object data();

    /** Why the call failed ({@link #TIMEOUT}, {@link #EXCEPTION}); an XML-RPC fault is a {@link RpcFault}. */
    Optional<Throwable> exception();

    /**
     * Keeps this result in the result cache for {@code seconds}, so the same call made later
     * (same method, URL, body) is answered from the cache without reaching the upstream. Ignored
     * unless {@link #status()} is {@link #NORMAL}, or when the cache is off ({@code setMaxRcache(0)}).
     */
    Result cache(Duration ttl);

    /** {@link #cache(Duration)} in seconds, as in Python. */
    default Result cache(double seconds) {
        return cache(Seconds.of(seconds));
    }

    /** The first value of an answer header. */
    default Optional<String> header(String name) {
        List<String> values = headers().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body decoded by the charset of its Content-Type (UTF-8 unless it names another). */
    default String text() {
        Charset charset = StandardCharsets.UTF_8;
        String type = header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        int at = type.indexOf("charset=");
        if (at >= 0) {
            String name = type.substring(at + 8).split("[;\\s]", 2)[0].replace("\"", "");
            try {
                charset = Charset.forName(name);
            } catch (RuntimeException unknown) {
                charset = StandardCharsets.UTF_8;
            }
        }
        return new String(content(), charset);
    }

    /**
     * {@link #data()} converted to {@code type} (JSON data by Jackson, e.g. into a record).
     *
     * @throws IllegalArgumentException when the data does not convert
     */
    default <T> T data(Class<T> type) {
        return io.skitai.core.Json.mapper().convertValue(data(), type);
    }

    /**
     * A list answer (database rows, documents) with each item converted to {@code type}, such as
     * a record whose components are the columns: {@code r.rows(City.class)}.
     *
     * @throws IllegalArgumentException when the data is not a list or an item does not convert
     */
    default <T> List<T> rows(Class<T> type) {
        if (!(data() instanceof List<?> items)) {
            throw new IllegalArgumentException("the data is not a list of rows: " + (data() == null ? "null" : data().getClass().getName()));
        }
        List<T> out = new java.util.ArrayList<>(items.size());
        for (Object item : items) {
            out.add(io.skitai.core.Json.mapper().convertValue(item, type));
        }
        return out;
    }

    /** Whether the call ended {@link #NORMAL} with a 2xx answer. */
    default boolean isSuccess() {
        return status() == NORMAL && statusCode() >= 200 && statusCode() < 300;
    }

    /**
     * This result when its {@link #status()} is {@link #NORMAL} (Python's {@code reraise}).
     *
     * @throws UpstreamException otherwise, carrying this result
     */
    default Result reraise() {
        if (status() != NORMAL) {
            throw new UpstreamException(this);
        }
        return this;
    }
}
