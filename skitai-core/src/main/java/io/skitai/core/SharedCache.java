package io.skitai.core;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's cache file system ({@link ServerContext#cachefs()}): an RFC 9111 shared cache of
 * upstream responses, keyed by the absolute upstream URL, in memory and on disk. The reverse proxy
 * and was's HTTP calls go through it; the rules are its own, so every user follows the same ones:
 *
 * <pre>{@code
 * SharedCache.Lookup l = cache.lookup("GET", uri, requestHeaders);
 * switch (l.kind()) {
 *     case HIT -> send(l.response().orElseThrow());                 // fresh: no upstream request
 *     case REVALIDATE -> ask upstream with l.validators() added;    // then revalidated(..) on a 304
 *     case MISS -> ask upstream; store(..) when storable(..);
 *     case PASS -> ask upstream; invalidateAfter(..) for an unsafe method;
 *     case UNSATISFIABLE -> send 504;                               // only-if-cached and nothing kept
 * }
 * }</pre>
 *
 * <p>Lookups may read a file: call them off the IO threads. {@link #client} wraps an
 * {@link UpstreamClient} with all of this.
 */
public interface SharedCache {

    /** What a lookup found. */
    enum Kind {
        /** A fresh response: answer with it, ask no upstream. */
        HIT,
        /** A stale (or {@code no-cache}) response with validators: ask the upstream conditionally. */
        REVALIDATE,
        /** Nothing usable: ask the upstream, and offer its answer to {@link #store}. */
        MISS,
        /** Not for this cache (not a GET, or {@code no-store}): ask the upstream, store nothing. */
        PASS,
        /** The request said {@code only-if-cached} and nothing fresh is kept: answer 504. */
        UNSATISFIABLE
    }

    /** One response as kept or as to be sent: status, headers and the whole body. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        /** The first value of header {@code name} (any case). */
        public Optional<String> header(String name) {
            return CacheControl.values(headers, name).stream().findFirst();
        }
    }

    /** The result of {@link #lookup}: what to do, and the kept response when there is one. */
    interface Lookup {

        /** What to do. */
        Kind kind();

        /**
         * For {@link Kind#HIT}, the response to send (with {@code Age}; a 304 when the request's
         * own {@code If-None-Match}/{@code If-Modified-Since} matched it); else empty.
         */
        Optional<Response> response();

        /** For {@link Kind#REVALIDATE}, {@code If-None-Match}/{@code If-Modified-Since} to add to the request. */
        Map<String, String> validators();
    }

    /**
     * Looks up the answer to request {@code method uri} with {@code requestHeaders} (names in any
     * case; kept with the lookup to select {@code Vary} variants and to judge credentials).
     */
    Lookup lookup(String method, URI uri, Map<String, String> requestHeaders);

    /**
     * Whether an upstream answer to a {@link Kind#MISS} or {@link Kind#REVALIDATE} lookup may be
     * kept (a GET answer with a cacheable status, freshness or validators, no {@code no-store},
     * {@code private}, {@code Vary: *} or {@code Set-Cookie}; for a request with credentials only
     * when {@code public}, {@code s-maxage} or {@code must-revalidate}). Decided on the headers, so a
     * body can be streamed and kept as it passes.
     */
    boolean storable(Lookup lookup, int status, Map<String, List<String>> headers);

    /**
     * Keeps an upstream answer to {@code lookup}, if {@link #storable} and no larger than
     * {@link Cachefs#maxEntryBytes()}; {@code requestTime} and {@code responseTime} (when the request
     * left and the answer arrived) give its age.
     */
    void store(Lookup lookup, Response response, Instant requestTime, Instant responseTime);

    /**
     * Takes an upstream 304 to a {@link Kind#REVALIDATE} lookup: refreshes the kept response's
     * headers and age and returns the response to send (the kept one, or a 304 when the request's
     * own conditional matched it).
     */
    Response revalidated(Lookup lookup, Map<String, List<String>> notModifiedHeaders, Instant requestTime, Instant responseTime);

    /**
     * After an unsafe request ({@code POST}, {@code PUT}, {@code DELETE}, {@code PATCH}...) that
     * succeeded (2xx or 3xx), forgets what was kept for its URL (RFC 9111 4.4).
     */
    void invalidateAfter(String method, URI uri, int status);

    /** {@code client} with this cache in front of it for every request it sends. */
    UpstreamClient client(UpstreamClient client);

    /**
     * Counters and sizes: {@code hits}, {@code misses}, {@code revalidated}, {@code stored},
     * {@code memoryBytes}, {@code memoryMax}, {@code diskBytes}, {@code diskMax}, {@code diskEntries}.
     */
    Map<String, Long> stats();
}
