package io.skitai.was.internal;

/**
 * Where a protocol plugs in: resolves a URL ({@code "@alias/path"} or absolute), picks the
 * member(s) by this caller's mode (one with fail-over, or every member for {@code map()}; a call
 * moves to the next member only when it never left, or when the caller marked its calls
 * idempotent),
 * consults the result cache under {@code cacheKey}, adds the transaction-id headers, sends through
 * the {@link Transport} and returns the handle ({@code Call} or {@code MapCall}).
 *
 * @param <C> the handle type
 */
public interface Caller<C> {

    /**
     * Fires the call now.
     *
     * @param url       {@code "@alias/path?query"} or an absolute URL
     * @param cacheKey  what identifies the request besides its target URL (method, body digest, the
     *                  caller's headers), or {@code null} when its result must never be cached
     * @param transport the protocol
     * @throws IllegalArgumentException for an unknown alias or a malformed URL
     */
    C call(String url, CacheKey cacheKey, Transport transport);
}
