package io.skitai.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.skitai.core.StartupException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves a static directory mounted at a point; requests it has no file for go to {@code next}
 * (the app or handler mounted at the same point, else 404).
 *
 * <p>What is served: regular files under the root, a directory through its {@code index.html}
 * (named without the trailing slash it is redirected, 301, to the slash form), never a listing,
 * never a dotfile or anything in a dot-directory, never anything outside the root, however the
 * path is encoded and wherever a symbolic link points (see {@link StaticPath} and
 * {@link StaticLoader}). A path that tries to climb out of the root is refused with 400; hidden
 * and missing files fall through to {@code next}. GET and HEAD only: other methods on a file get
 * 405 with {@code Allow: GET, HEAD}.
 *
 * <p>Responses ({@link StaticResponse}): Content-Type by extension ({@link ContentTypes}), ETag and
 * Last-Modified with 304 for {@code If-None-Match} / {@code If-Modified-Since}, single byte ranges
 * (206 / 416, {@code If-Range}; a request for several ranges is answered 200 with the whole file,
 * as RFC 9110 allows), {@code Cache-Control: max-age} and {@code Expires} from the longest matching
 * {@code setMaxAge} path ({@link MaxAges}).
 *
 * <p>Speed: what a path resolved to is cached ({@link StaticEntry}), with the bytes of files up to
 * {@value #SMALL_FILE_BYTES} bytes, in a cache bounded to {@value #CACHE_BYTES} bytes per mount. A
 * cache hit that was checked against the disk within the last second is answered on the IO
 * thread without a system call. Everything that touches the disk (a miss, the once-a-second
 * re-check, opening a large file) runs on Undertow's worker threads; large files go out with
 * zero-copy {@link FileTransfer}. Edits show up within about a second.
 */
final class StaticFiles implements HttpHandler {

    /** Files up to this size are kept in memory. */
    static final int SMALL_FILE_BYTES = 64 * 1024;
    /** Bound of one mount's cache: content bytes plus a small overhead per entry. */
    static final long CACHE_BYTES = 32L * 1024 * 1024;

    private final String point;
    private final StaticLoader loader;
    private final Cache<String, StaticEntry> cache;
    private final HttpHandler next;

    private StaticFiles(String point, StaticLoader loader, HttpHandler next) {
        this.point = point;
        this.loader = loader;
        this.next = next;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(CACHE_BYTES)
                .weigher((String key, StaticEntry e) -> e.weight() + 2 * key.length())
                .build();
    }

    /**
     * A handler serving {@code root} for requests under {@code point} (without trailing slash,
     * {@code ""} for the root), with max-age rules keyed by URL path.
     */
    static HttpHandler create(Path root, String point, Map<String, Long> maxAges, HttpHandler next) {
        try {
            return new StaticFiles(point, new StaticLoader(root, point, new MaxAges(maxAges), SMALL_FILE_BYTES), next);
        } catch (IOException e) {
            throw new StartupException(Messages.staticDirMissing(point, root), e);
        }
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        if (!path.startsWith(point)) {
            next.handleRequest(exchange);
            return;
        }
        String below = path.substring(point.length());
        StaticEntry entry = cache.getIfPresent(below);
        if (entry != null) {
            if (entry.claimRecheck(System.nanoTime())) {
                exchange.dispatch(ex -> answer(ex, recheck(below, entry)));
            } else {
                answer(exchange, entry);
            }
            return;
        }
        StaticPath checked = StaticPath.parse(below);
        switch (checked.verdict()) {
            case MALFORMED -> ErrorResponses.send(exchange, 400, "the path is not allowed", false);
            case HIDDEN, NOT_FOUND -> next.handleRequest(exchange);
            case OK -> exchange.dispatch(ex -> answer(ex, cache.get(below, k -> loader.load(k, checked, null))));
        }
    }

    private StaticEntry recheck(String below, StaticEntry old) {
        StaticEntry current = loader.load(below, StaticPath.parse(below), old);
        if (current != old) {
            cache.put(below, current);
        }
        return current;
    }

    private void answer(HttpServerExchange exchange, StaticEntry entry) throws Exception {
        switch (entry.kind) {
            case FILE -> StaticResponse.file(exchange, entry);
            case REDIRECT -> {
                String method = exchange.getRequestMethod().toString();
                if (method.equals("GET") || method.equals("HEAD")) {
                    StaticResponse.redirect(exchange, entry);
                } else {
                    next.handleRequest(exchange);
                }
            }
            case MISSING -> next.handleRequest(exchange);
        }
    }

    @Override
    public String toString() {
        return "StaticFiles(" + (point.isEmpty() ? "/" : point) + " -> " + loader + ", " + loader.maxAges()
                + ", files <= " + SMALL_FILE_BYTES / 1024 + " KiB cached in memory up to " + CACHE_BYTES / (1024 * 1024)
                + " MiB) -> " + next;
    }
}
