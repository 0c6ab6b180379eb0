package io.skitai.was.internal;

import io.skitai.core.CacheControl;
import io.skitai.was.Result;
import java.time.Duration;
import java.util.List;

/**
 * How long the result cache may keep an upstream's answer to a GET, by its own cache headers, as
 * a shared cache (RFC 9111, read by core's {@link CacheControl}, the rules the cache file system
 * follows too): {@code no-store}, {@code no-cache}, {@code private} or {@code Vary: *} keep nothing
 * (the result cache does not revalidate); else {@code s-maxage}, then {@code max-age}, then
 * {@code Expires} minus {@code Date}.
 */
final class HttpCaching {

    private HttpCaching() {}

    /** The time to keep {@code r} ({@link Duration#ZERO}: do not keep it). */
    static Duration ttl(Result r) {
        if (r.status() != Result.NORMAL || r.statusCode() != 200) {
            return Duration.ZERO;
        }
        CacheControl cc = CacheControl.of(r.headers());
        if (cc.noStore() || cc.noCache() || cc.isPrivate() || vary(r).contains("*")) {
            return Duration.ZERO;
        }
        return CacheControl.freshness(r.headers());
    }

    /** Whether a shared cache may answer other callers with {@code r} although the request carried credentials. */
    static boolean sharable(Result r) {
        return CacheControl.of(r.headers()).sharable();
    }

    /** The request headers {@code r} varies by, lower case and sorted; {@code ["*"]} when by anything. */
    static List<String> vary(Result r) {
        return CacheControl.vary(r.headers());
    }
}
