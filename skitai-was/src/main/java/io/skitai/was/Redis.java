package io.skitai.was;

/**
 * Commands to a {@code Db.REDIS} alias, each fired at once and collected with the same handles as
 * HTTP calls:
 *
 * <pre>{@code
 * Call hit = was.redis("@cache").execute("INCR", "hits");
 * Call name = was.redis("@cache").execute("HGET", "user:1", "name");
 * long n = (Long) hit.dispatch(1).data();        // the reply: a String, Long, Double, List or Map
 * }</pre>
 *
 * <p>Any command goes, by name, with its arguments as strings; a Redis error reply is status 2
 * with its message. {@code was.map().redis(..)} sends it to every member.
 *
 * @param <C> {@link Call} or {@link MapCall}
 */
@FunctionalInterface
public interface Redis<C> {

    /** Sends {@code command} with {@code args} (each sent as its {@code toString()}). */
    C execute(String command, Object... args);
}
