package io.skitai.core;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One HTTP request and its response, as a mounted {@link Handler} sees it.
 *
 * <p>Paths follow the WSGI split: {@link #mountPoint()} is where the handler is mounted (SCRIPT_NAME,
 * {@code ""} at the root) and {@link #pathInfo()} the rest (PATH_INFO), so a handler can build its
 * own URLs with {@link #urlFor(String)} wherever it is mounted. The core methods are abstract; the
 * conveniences are one-line defaults on top of them.
 */
public interface Exchange {

    // ---- request -------------------------------------------------------------------------

    /** The request method, upper case. */
    String method();

    /** The decoded request path, mount point included. */
    String path();

    /** Where the handling mount is mounted, without a trailing slash ({@code ""} for the root). */
    String mountPoint();

    /** The decoded path below the mount point: {@code ""} or a path starting with {@code /}. */
    String pathInfo();

    /** The request target exactly as the client sent it (path and query, still encoded). */
    String requestUri();

    /** The raw query string without {@code ?}, or {@code ""}. */
    String queryString();

    /** Every decoded query parameter, in order. */
    Map<String, List<String>> queryParams();

    /** Every value of a request header (case-insensitive name). */
    List<String> headers(String name);

    /** The request protocol, e.g. {@code HTTP/1.1} or {@code HTTP/2.0}. */
    String protocol();

    /** {@code http} or {@code https}. */
    String scheme();

    /** The host the client asked for, without port. */
    String host();

    /** The client's address (the peer of this connection). */
    InetSocketAddress remoteAddress();

    /**
     * The whole request body. Bounded by the mount's body limit: a larger body is refused with 413
     * ({@link HttpError}) without being read to the end.
     *
     * @throws IllegalStateException after {@link #form()} or {@link #files()} streamed a multipart
     *                               body (its bytes are not kept; call {@code body()} first to have both)
     */
    byte[] body();

    /** The request body as a stream (bounded like {@link #body()}, and like it unavailable after a streamed form). */
    InputStream bodyStream();

    /**
     * The text fields of an {@code application/x-www-form-urlencoded} or {@code multipart/form-data}
     * body, by name in the order sent, immutable; empty for GET and HEAD and for other bodies.
     *
     * <p>Parsed once, on first use of {@code form()} or {@link #files()}. A urlencoded body is read
     * with {@link #body()} (so {@code body()} still works afterwards) and decoded as UTF-8 unless its
     * Content-Type names a charset. A multipart body is parsed as it streams in, its files going to
     * {@link #files()}; its bytes are not kept, so {@code body()} is unavailable afterwards (if
     * {@code body()} was read first, the form is parsed from that copy and its files stay in memory).
     * Text fields of a multipart body are UTF-8 unless their part names a charset, and together are
     * bounded by the mount's {@code Pref.maxPostBodySize()}.
     *
     * @throws HttpError 400 for a malformed body (bad {@code %}-escape, broken multipart framing, a
     *                   part without a name, more than 1000 fields), 413 beyond the mount's limits,
     *                   408 when the body arrives too slowly
     */
    Map<String, List<String>> form();

    /**
     * The files of a {@code multipart/form-data} body, by field name in the order sent, immutable;
     * empty for any other request. Parsed with {@link #form()}: each file is bounded by the mount's
     * {@code Pref.maxUploadFileSize()} (413 naming the field, before more of it is read), files over
     * {@value Upload#MEMORY_THRESHOLD} bytes are streamed to temporary files, and those are deleted
     * once the request completes.
     *
     * @throws HttpError as {@link #form()}
     */
    Map<String, List<Upload>> files();

    /**
     * The cookies of the request's {@code Cookie} header, by name (the first of a repeated name),
     * immutable; a value in double quotes loses them.
     */
    Map<String, String> cookies();

    /** A per-request value, if one was put under the key. */
    <T> Optional<T> get(Key<T> key);

    /** Keeps a per-request value under the key. */
    <T> Exchange put(Key<T> key, T value);

    // ---- response ------------------------------------------------------------------------

    /** Sets the response status (200 unless set). */
    Exchange status(int status);

    /** The response status set so far. */
    int status();

    /** Sets a response header, replacing earlier values. */
    Exchange header(String name, String value);

    /** Adds a response header, keeping the values already set under its name (several challenges, say). */
    Exchange addHeader(String name, String value);

    /** The value of a response header set so far. */
    Optional<String> responseHeader(String name);

    /**
     * Adds a {@code Set-Cookie} header for {@code cookie} (several cookies make several headers);
     * setting the same name, path and domain again in this response replaces the earlier one.
     *
     * @throws IllegalArgumentException when the cookie's attributes contradict each other
     *                                  ({@code SameSite=None} without {@code Secure}, see {@link Cookie#toSetCookie()})
     * @throws IllegalStateException    when the response has already started
     */
    Exchange setCookie(Cookie cookie);

    /** Sends the bytes as the whole response body and completes the response. */
    void send(byte[] body);

    /** An output stream for a streamed (chunked) response; closing it completes the response. */
    OutputStream outputStream();

    /** Whether the status line and headers have already gone out. */
    boolean isResponseStarted();

    /**
     * Runs {@code task} once this exchange is complete (the response sent, or the connection gone),
     * on the thread that completed it; at once when it already is. The one completion hook: what
     * {@code task} throws is logged, never sent. Keep it short; hand longer work to a thread of
     * your own.
     */
    void onComplete(Runnable task);

    /**
     * Names the route that serves this request by its template (e.g. {@code /users/{id:int}}), for
     * the request metrics ({@link Metrics}): apps that route by templates (Atila) call it, so a
     * metric never carries a raw path. Does nothing where nothing records it.
     */
    default void route(String template) {
        // no metrics on this exchange
    }

    /**
     * Runs {@code task} once, just before the response's status and headers go out, when headers can
     * still be added (a session's cookie is written here); a task that throws fails the response.
     */
    default void beforeCommit(Runnable task) {
        throw new UnsupportedOperationException("this exchange has no commit hook");
    }

    /**
     * Finishes this exchange asynchronously: the handler returns at once, without completing the
     * response, and once {@code completion} completes (normally or not) {@code then} runs with
     * this exchange and completes the response. {@code then} inspects {@code completion} itself
     * (it is done by then, so {@code join()} does not block) and runs on the configured handler
     * threads (a virtual thread by default, the IO thread with {@code Run.threads(0)}), never on
     * the thread that completed the stage. It has the same contract and error boundary as a
     * {@link Handler}: whatever it leaves unsent is finished by the engine, {@link HttpError}
     * (also wrapped in a {@code CompletionException}, as {@code join()} throws it) becomes its
     * status, anything else a logged 500. {@code then} may call {@code async} again.
     * With {@code Run.threads(0)} this is how a handler waits for slow work without blocking the
     * IO thread. Call it at most once per handler invocation, as the last thing it does.
     *
     * @param completion the work the response waits for
     * @param then       completes the response once {@code completion} is done
     */
    void async(CompletionStage<?> completion, Handler then);

    /**
     * Switches this request's connection to another protocol: {@code protocolSwitch} answers the
     * handshake and takes the connection over (skitai-websocket does; applications use that
     * module). After it the response counts as sent; the handler returns and must send nothing.
     * HTTP/1.1 only: on HTTP/2 the switch is refused with a 400.
     *
     * @throws HttpError as the switch refuses the request (a 400, 403...)
     */
    default void switchProtocol(ProtocolSwitch protocolSwitch) {
        throw new UnsupportedOperationException("this exchange cannot switch protocols");
    }

    /**
     * Hands the rest of this request to an Undertow {@code HttpHandler}, run at once on this thread
     * the way Undertow runs a dispatched handler: from then on that handler owns the exchange (it
     * ends it, or keeps it open for work it finishes later, as a servlet's {@code startAsync} does)
     * and the calling handler returns without sending anything. {@link #current()} stays this
     * exchange while it runs, so {@code Was.current()} works inside it. An SPI for Skitai's modules
     * built on Undertow (skitai-servlet); applications mount those modules instead.
     *
     * @throws IllegalStateException after the response started, or on the IO thread
     *                               ({@code Run.threads(0)}), where the handler could not block
     */
    default void handOver(io.undertow.server.HttpHandler handler) {
        throw new UnsupportedOperationException("this exchange cannot be handed over");
    }

    /**
     * The server handling this request: its aliases, upstream settings and server-wide services,
     * and its shared state, status, restart and shutdown (the one way from a request to its server).
     *
     * @throws IllegalStateException for an exchange not served by a Skitai engine
     */
    default ServerContext server() {
        throw new IllegalStateException("this exchange is not served by a Skitai engine");
    }

    /**
     * This request's transaction ids (gtxid and ltxid), assigned when it arrived or continued
     * from its {@code X-Gtxid}/{@code X-Ltxid} headers.
     *
     * @throws IllegalStateException for an exchange not served by a Skitai engine
     */
    default TxId txid() {
        throw new IllegalStateException("this exchange is not served by a Skitai engine");
    }

    /**
     * The exchange whose handler (or {@link #async} continuation) runs on this thread, for code
     * that is not handed it (Python's module-level {@code was}); empty elsewhere.
     */
    static Optional<Exchange> current() {
        return Optional.ofNullable(io.skitai.core.internal.CurrentExchange.get());
    }

    // ---- conveniences --------------------------------------------------------------------

    /** The first value of a request header. */
    default Optional<String> header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a query parameter. */
    default Optional<String> query(String name) {
        List<String> values = queryParams().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a form field ({@link #form()}). */
    default Optional<String> formValue(String name) {
        List<String> values = form().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first file uploaded under a field name ({@link #files()}). */
    default Optional<Upload> file(String name) {
        List<Upload> uploads = files().get(name);
        return uploads == null || uploads.isEmpty() ? Optional.empty() : Optional.of(uploads.get(0));
    }

    /** The value of a request cookie. */
    default Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies().get(name));
    }

    /** Tells the client to delete a cookie set with {@code Path=/} and no domain ({@code Max-Age=0}). */
    default Exchange removeCookie(String name) {
        return setCookie(Cookie.of(name, "").path("/").maxAge(Duration.ZERO).expires(Instant.EPOCH));
    }

    /** Tells the client to delete a cookie set with this path and no domain ({@code Max-Age=0}). */
    default Exchange removeCookie(String name, String path) {
        return setCookie(Cookie.of(name, "").path(path).maxAge(Duration.ZERO).expires(Instant.EPOCH));
    }

    /**
     * Tells the client to delete a cookie set with this path and domain ({@code Max-Age=0}); a cookie
     * is deleted only by the path and domain it was set with.
     */
    default Exchange removeCookie(String name, String path, String domain) {
        return setCookie(Cookie.of(name, "").path(path).domain(domain).maxAge(Duration.ZERO)
                .expires(Instant.EPOCH));
    }

    /** The request body decoded as UTF-8. */
    default String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** Sets the Content-Type response header. */
    default Exchange contentType(String contentType) {
        return header("Content-Type", contentType);
    }

    /** Sends text; Content-Type defaults to {@code text/plain; charset=utf-8}. */
    default void send(String text) {
        if (responseHeader("Content-Type").isEmpty()) {
            contentType("text/plain; charset=utf-8");
        }
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends HTML as {@code text/html; charset=utf-8}. */
    default void html(String html) {
        contentType("text/html; charset=utf-8").send(html.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a value as JSON ({@code application/json}) written by the server's mapper ({@link ServerContext#json()}). */
    default void json(Object value) {
        byte[] body;
        try {
            body = server().json().writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
        contentType("application/json").send(body);
    }

    /** Redirects with the given 3xx status. */
    default void redirect(String location, int status) {
        status(status).header("Location", location).send(new byte[0]);
    }

    /** A URL below this handler's mount point, e.g. {@code urlFor("/items/1")}. */
    default String urlFor(String pathBelowMount) {
        return mountPoint() + (pathBelowMount.startsWith("/") ? pathBelowMount : "/" + pathBelowMount);
    }

    /** Whether the client prefers JSON (its Accept header names a JSON type). */
    default boolean acceptsJson() {
        return header("Accept").map(a -> a.contains("json")).orElse(false);
    }
}
