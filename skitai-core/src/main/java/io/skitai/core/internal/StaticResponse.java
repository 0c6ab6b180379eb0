package io.skitai.core.internal;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;

/**
 * Answers a request from a {@link StaticEntry}: validators and caching headers, the conditional
 * requests ({@code If-None-Match}, then {@code If-Modified-Since} only without it: 304), the
 * range requests ({@code Range} on GET, gated by {@code If-Range}: 206 or 416), HEAD (headers
 * only) and the body: cached bytes straight from memory on the calling thread, larger files by
 * {@link FileTransfer} off the IO thread. Methods other than GET and HEAD get 405.
 */
final class StaticResponse {

    static final String ALLOWED = "GET, HEAD";

    private StaticResponse() {}

    /** Answers with a file entry. Never blocks; dispatches to a worker when the file must be opened. */
    static void file(HttpServerExchange exchange, StaticEntry e) {
        HttpString method = exchange.getRequestMethod();
        boolean head = method.equals(Methods.HEAD);
        if (!head && !method.equals(Methods.GET)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, ALLOWED);
            ErrorResponses.send(exchange, 405, method + " is not allowed on a static file", false);
            return;
        }
        HeaderMap request = exchange.getRequestHeaders();
        HeaderMap response = exchange.getResponseHeaders();
        response.put(Headers.ETAG, e.etag);
        response.put(Headers.LAST_MODIFIED, e.lastModified);
        if (e.cacheControl != null) {
            response.put(Headers.CACHE_CONTROL, e.cacheControl);
            response.put(Headers.EXPIRES, e.expires(System.currentTimeMillis()));
        }
        if (notModified(request, e)) {
            exchange.setStatusCode(304);
            exchange.endExchange();
            return;
        }
        response.put(Headers.ACCEPT_RANGES, "bytes");
        long first = 0;
        long length = e.size;
        String range = head ? null : request.getFirst(Headers.RANGE);
        if (range != null && Validators.ifRangeHolds(request.getFirst(Headers.IF_RANGE), e.etag, e.modifiedSeconds)) {
            ByteRange r = ByteRange.parse(range, e.size);
            if (r.kind() == ByteRange.Kind.UNSATISFIABLE) {
                exchange.setStatusCode(416);
                response.put(Headers.CONTENT_RANGE, "bytes */" + e.size);
                response.put(Headers.CONTENT_LENGTH, "0");
                exchange.endExchange();
                return;
            }
            if (r.kind() == ByteRange.Kind.PARTIAL) {
                exchange.setStatusCode(206);
                response.put(Headers.CONTENT_RANGE, r.contentRange(e.size));
                first = r.first();
                length = r.length();
            }
        }
        response.put(Headers.CONTENT_TYPE, e.contentType);
        response.put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff");
        if (head || length == 0 || e.content != null) {
            response.put(Headers.CONTENT_LENGTH, length == e.size ? e.contentLength : Long.toString(length));
            if (head || length == 0) {
                exchange.endExchange();
            } else {
                exchange.getResponseSender().send(e.slice(first, length));
            }
            return;
        }
        long from = first;
        long count = length;
        if (exchange.isInIoThread()) {
            exchange.dispatch(ex -> FileTransfer.send(ex, e.file, from, count));
        } else {
            FileTransfer.send(exchange, e.file, from, count);
        }
    }

    /** Redirects a directory named without its trailing slash to the slash form, keeping the query. */
    static void redirect(HttpServerExchange exchange, StaticEntry e) {
        String query = exchange.getQueryString();
        exchange.setStatusCode(301);
        exchange.getResponseHeaders().put(Headers.LOCATION, query.isEmpty() ? e.location : e.location + "?" + query);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, "0");
        exchange.endExchange();
    }

    private static boolean notModified(HeaderMap request, StaticEntry e) {
        String ifNoneMatch = request.getFirst(Headers.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return Validators.noneMatchHits(joined(request, Headers.IF_NONE_MATCH, ifNoneMatch), e.etag);
        }
        String since = request.getFirst(Headers.IF_MODIFIED_SINCE);
        return since != null && Validators.notModifiedSince(since, e.modifiedSeconds);
    }

    /** All values of a list header as one comma-separated string (usually there is just one). */
    private static String joined(HeaderMap request, HttpString name, String first) {
        var values = request.get(name);
        return values.size() == 1 ? first : String.join(",", values);
    }
}
